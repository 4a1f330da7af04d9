// The built-in national themes, read from the package's data file data/national-themes.yaml (schema:
// schemas/campaign-data.schema.json) when first needed: data, not code, so that a year is added by editing
// the file, and a user's own file (campaign --data FILE) has the same fields. The file sits at the package's
// root, two folders above this module in src/data/, dist/data/ and dist/bundle/ alike.
import { readFileSync } from 'node:fs';
import { parseSource } from '../source/parse.js';
import type { NationalTheme, YearTheme } from './theme-types.js';

export const BUILTIN_THEMES_FILE = new URL('../../data/national-themes.yaml', import.meta.url);

interface BuiltinThemes {
  'safety-month': NationalTheme[];
  'disaster-week': YearTheme[];
  'fire-month': YearTheme[];
  'anti-drug-month': YearTheme[];
}

let cached: BuiltinThemes | undefined;

export function builtinThemes(): BuiltinThemes {
  // The project's own reader (5 ms), not eemeli/yaml (60 ms and more with its loading): every run reads this file.
  cached ??= parseSource(readFileSync(BUILTIN_THEMES_FILE, 'utf8')).data as BuiltinThemes;
  return cached;
}
