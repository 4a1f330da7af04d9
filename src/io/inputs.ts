// What the user named on the command line, as a list of plan files: files as they are, folders as
// every *.yaml / *.yml below them, and globs (expanded here, for shells such as Windows' cmd that do not).
// A configuration file (.campaignrc.yaml) is never one of a folder's or a glob's plans.
import { accessSync, constants, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { basename, join } from 'node:path';
import { globSync } from 'tinyglobby';
import { CONFIG_NAMES } from '../config/types.js';
import { ioError } from './read.js';

const PLAN = /\.ya?ml$/i;
const GLOB = /[*?[\]{}]/;

/** A configuration file's name, in any case (Windows and macOS do not tell .CampaignRC.yaml apart). */
const isConfig = (file: string): boolean => (CONFIG_NAMES as readonly string[]).includes(basename(file).toLowerCase());

/**
 * Why a file a folder or a glob holds is skipped, said when it is: it is not a regular file (a FIFO, a socket
 * or a device: reading one blocks or never ends), or it cannot be read at all (a link to nothing, a loop of
 * links, no permission). One such file never stops the others being read.
 */
export type SpecialKind = 'fifo' | 'socket' | 'device' | 'broken-link' | 'link-loop' | 'unreadable';

/** Called for each file a folder or a glob holds that is skipped, never opened. */
export type OnSkip = (file: string, kind: SpecialKind) => void;

/** Why a file cannot be read as a file (followed through a symlink), or null when it can be. */
function special(path: string): SpecialKind | null {
  let info: Stats;
  try {
    info = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'broken-link' : code === 'ELOOP' ? 'link-loop' : 'unreadable';
  }
  if (info.isFIFO()) return 'fifo';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'device';
  return readable(path) ? null : 'unreadable';
}

function readable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/** A folder's entries by name; a folder below the one named that cannot be listed is skipped and said. */
function entries(dir: string, onSkip: OnSkip, top: boolean): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if (top) throw ioError(err, dir);
    onSkip(dir, 'unreadable');
    return [];
  }
}

function walk(dir: string, out: string[], match: RegExp, onSkip: OnSkip, top = false): void {
  for (const e of entries(dir, onSkip, top).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    // Hidden files (a configuration file among them), node_modules, and the lock files office programs leave
    // beside an open file (~$周报.xlsx).
    if (e.name.startsWith('.') || e.name.startsWith('~$') || e.name === 'node_modules' || isConfig(e.name)) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) walk(path, out, match, onSkip);
    else if (match.test(e.name)) keep(path, out, onSkip, e.isFile());
  }
}

/** A file a folder or a glob holds, kept unless it cannot be read as a file (`regular`: known to be a plain file). */
function keep(path: string, out: string[], onSkip: OnSkip, regular = false): void {
  const kind = regular ? (readable(path) ? null : 'unreadable') : special(path);
  if (kind) onSkip(path, kind);
  else out.push(path);
}

/**
 * `match`: the files a folder or a glob stands for (plans by default; returned sheets for collect). A FIFO,
 * socket or device, a broken link, a loop of links or a file that may not be read, in a folder or a glob, is
 * skipped and told to `onSkip`; one named on the command line is read as named (`<(cat plan.yaml)` is a pipe),
 * and what is wrong with it is an error naming it.
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
      walk(arg, out, match, onSkip, true);
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
