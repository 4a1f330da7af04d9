import jsyaml from 'js-yaml';
import { parse } from 'yaml';
const cases = ['0b1010','0o17','017','0x1F','1_000','+12','-0','1e3','1.10','.inf','-.Inf','.NaN','~','Null','NULL','True','TRUE','yes','on','2020-06-01','2020-06-01T10:00:00Z','12:30','1:20:30','0.','.5','+.5','1.','0x_1','=','<<','!!str 1','"\\u00e9"',"'a''b'",'null','nULL','-','0o','1e','1E+3','+1E3','1.2.3'];
for (const c of cases) {
  let a, b;
  try { a = jsyaml.load(`k: ${c}`, { schema: jsyaml.CORE_SCHEMA }).k; } catch (e) { a = 'ERR ' + e.message.split('\n')[0]; }
  try { b = parse(`k: ${c}`).k; } catch (e) { b = 'ERR'; }
  const same = Object.is(a, b) || (typeof a === 'object' && JSON.stringify(a) === JSON.stringify(b));
  if (!same) console.log(JSON.stringify(c), '→ js-yaml', JSON.stringify(a), typeof a, '| yaml', JSON.stringify(b), typeof b);
}
