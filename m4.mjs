import { readFileSync } from 'node:fs';
import jsyaml from 'js-yaml';
import { YAML12_CORE } from './dist/source/yaml12.js';
import { parseFast } from './dist/source/fast.js';
const t = readFileSync('/tmp/bench/p10k.yaml', 'utf8');
for (let k = 0; k < 3; k++) {
  let s = performance.now(); jsyaml.load(t, { schema: YAML12_CORE }); const a = performance.now() - s;
  s = performance.now(); parseFast(t); const b = performance.now() - s;
  s = performance.now(); jsyaml.load(t); const c = performance.now() - s;
  console.log('plain', a.toFixed(0), 'with listener', b.toFixed(0), 'default schema', c.toFixed(0));
}
