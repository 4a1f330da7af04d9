// What the user named on the command line, as a list of plan files: files as they are, folders as
// every *.yaml / *.yml below them, and globs (expanded here, for shells such as Windows' cmd that do not).
// A configuration file (.campaignrc.yaml) is never one of a folder's or a glob's plans.
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { globSync } from 'tinyglobby';
import { CONFIG_NAMES } from '../config/types.js';

const PLAN = /\.ya?ml$/i;
const GLOB = /[*?[\]{}]/;

/** A configuration file's name, in any case (Windows and macOS do not tell .CampaignRC.yaml apart). */
const isConfig = (file: string): boolean => (CONFIG_NAMES as readonly string[]).includes(basename(file).toLowerCase());

function walk(dir: string, out: string[], match: RegExp): void {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    // Hidden files (a configuration file among them), node_modules, and the lock files office programs leave
    // beside an open file (~$周报.xlsx).
    if (e.name.startsWith('.') || e.name.startsWith('~$') || e.name === 'node_modules' || isConfig(e.name)) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) walk(path, out, match);
    else if (match.test(e.name)) out.push(path);
  }
}

/** `match`: the files a folder or a glob stands for (plans by default; returned sheets for collect). */
export function expandInputs(args: readonly string[], match: RegExp = PLAN): string[] {
  const out: string[] = [];
  for (const arg of args) {
    let info: import('node:fs').Stats | undefined;
    try {
      info = arg === '-' ? undefined : statSync(arg);
    } catch {
      info = undefined;
    }
    if (info?.isDirectory()) {
      const before = out.length;
      walk(arg, out, match);
      if (out.length === before) out.push(arg); // no plans in it: reading it says so
    }
    else if (!info && arg !== '-' && GLOB.test(arg)) {
      const found = globSync(arg, { onlyFiles: true, expandDirectories: false }).filter((f) => match.test(f) && !isConfig(f)).sort();
      for (const f of found.length ? found : [arg]) out.push(f); // nothing matched: "no such file" names it
    } else out.push(arg);
  }
  return [...new Set(out)];
}
