// What the user named on the command line, as a list of plan files: files as they are, folders as
// every *.yaml / *.yml below them, and globs (expanded here, for shells such as Windows' cmd that do not).
// A configuration file (.campaignrc.yaml) is never one of a folder's or a glob's plans.
import { readdirSync, statSync, type Stats } from 'node:fs';
import { basename, join } from 'node:path';
import { globSync } from 'tinyglobby';
import { CONFIG_NAMES } from '../config/types.js';

const PLAN = /\.ya?ml$/i;
const GLOB = /[*?[\]{}]/;

/** A configuration file's name, in any case (Windows and macOS do not tell .CampaignRC.yaml apart). */
const isConfig = (file: string): boolean => (CONFIG_NAMES as readonly string[]).includes(basename(file).toLowerCase());

/** What a file that is not a regular file is, said when it is skipped. */
export type SpecialKind = 'fifo' | 'socket' | 'device';

/** Called for each file a folder or a glob holds that is not a regular file: skipped, never opened. */
export type OnSkip = (file: string, kind: SpecialKind) => void;

/** A FIFO, a socket or a device (followed through a symlink): reading one blocks or never ends. */
function special(path: string): SpecialKind | null {
  let info: Stats;
  try {
    info = statSync(path);
  } catch {
    return null; // a dangling link: reading it says "no such file"
  }
  return info.isFIFO() ? 'fifo' : info.isSocket() ? 'socket' : info.isCharacterDevice() || info.isBlockDevice() ? 'device' : null;
}

function walk(dir: string, out: string[], match: RegExp, onSkip: OnSkip): void {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    // Hidden files (a configuration file among them), node_modules, and the lock files office programs leave
    // beside an open file (~$周报.xlsx).
    if (e.name.startsWith('.') || e.name.startsWith('~$') || e.name === 'node_modules' || isConfig(e.name)) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) walk(path, out, match, onSkip);
    else if (match.test(e.name)) keep(path, out, onSkip, e.isFile());
  }
}

/** A file a folder or a glob holds, kept unless it is a FIFO, a socket or a device (`regular`: known to be a plain file). */
function keep(path: string, out: string[], onSkip: OnSkip, regular = false): void {
  const kind = regular ? null : special(path);
  if (kind) onSkip(path, kind);
  else out.push(path);
}

/**
 * `match`: the files a folder or a glob stands for (plans by default; returned sheets for collect). A FIFO,
 * socket or device in a folder or a glob is skipped and told to `onSkip`; one named on the command line is
 * read as named (`<(cat plan.yaml)` is a pipe).
 */
export function expandInputs(args: readonly string[], match: RegExp = PLAN, onSkip: OnSkip = () => {}): string[] {
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
      walk(arg, out, match, onSkip);
      if (out.length === before) out.push(arg); // no plans in it: reading it says so
    }
    else if (!info && arg !== '-' && GLOB.test(arg)) {
      const found = globSync(arg, { onlyFiles: true, expandDirectories: false }).filter((f) => match.test(f) && !isConfig(f)).sort();
      if (found.length === 0) out.push(arg); // nothing matched: "no such file" names it
      for (const f of found) keep(f, out, onSkip);
    } else out.push(arg);
  }
  return [...new Set(out)];
}
