// Finds and reads the configuration file (.campaignrc.yaml) that governs a plan: the nearest one in the
// plan's folder or a folder above it, up to the file system's root (as ESLint and Prettier look for
// theirs; no merging: the nearest is the whole configuration), or the one --config names, or none with
// --no-config. Each folder is searched and each file read once per run. A configuration with a problem
// is refused with every problem at its line:column (exit 2), before any plan is read.
import { statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { checkConfig, type ConfigProblem } from '../config/check.js';
import { CONFIG_NAMES, type CampaignConfig } from '../config/types.js';
import { UserError } from '../errors.js';
import { formatMessage } from '../messages/index.js';
import type { Lang, MessageData, MessageKey } from '../messages/types.js';
import { parseSource } from '../source/parse.js';
import { readTextSync } from './read.js';
import { configValidator } from './schemas.js';

/** --config FILE (that file, no search), --no-config (false: none), or neither (search). */
export type ConfigChoice = string | false | undefined;

const kindOf = (path: string): 'file' | 'folder' | undefined => {
  try {
    const info = statSync(path, { throwIfNoEntry: false });
    return info ? (info.isDirectory() ? 'folder' : 'file') : undefined;
  } catch {
    return undefined; // a folder we may not look into holds no configuration we could read
  }
};

/** A path as messages show it: relative to the working folder when below it, else absolute. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}


/** Reads and checks one configuration file; `lang` is that of its problems' messages. */
export function readConfig(file: string, lang: Lang): CampaignConfig {
  const text = readTextSync(file);
  const source = parseSource(text);
  const { settings, problems } = checkConfig(source, configValidator());
  const all: ConfigProblem[] = [...problems];
  const data: string[] = [];
  for (const { value, offset } of settings?.data ?? []) {
    const path = resolve(dirname(file), value);
    const kind = kindOf(path);
    if (kind === 'file') data.push(path);
    else all.push({ offset, id: kind === 'folder' ? 'config/data-folder' : 'config/data-missing', data: { value, path: shown(path) } });
  }
  if (all.length || !settings) {
    throw new UserError('config/invalid', {
      file,
      problems: all.sort((a, b) => a.offset - b.offset).map((p) => ({ ...source.position(p.offset), message: formatMessage(p.id as MessageKey, p.data as MessageData[MessageKey], lang) })),
    });
  }
  return { ...settings, file, data };
}

/** The configuration of each plan of a run, found and read once per folder and file. */
export class ConfigLoader {
  private readonly found = new Map<string, string | null>();
  private readonly configs = new Map<string, CampaignConfig>();

  constructor(private readonly choice: ConfigChoice, private readonly lang: Lang) {}

  /** The configuration that governs `plan` (`-`, standard input: the working folder's), or none. */
  forPlan(plan: string): CampaignConfig | undefined {
    if (this.choice === false) return undefined;
    if (typeof this.choice === 'string') return this.load(this.choice);
    const file = this.search(plan === '-' ? process.cwd() : dirname(resolve(plan)));
    return file ? this.load(shown(file)) : undefined;
  }

  private load(file: string): CampaignConfig {
    let config = this.configs.get(file);
    if (!config) {
      config = readConfig(file, this.lang);
      this.configs.set(file, config);
    }
    return config;
  }

  /** The nearest configuration file in `dir` or above it (the first of CONFIG_NAMES in a folder). */
  private search(dir: string): string | null {
    const passed: string[] = [];
    let result: string | null = null;
    for (let d = dir; ; d = dirname(d)) {
      const known = this.found.get(d);
      if (known !== undefined) {
        result = known;
        break;
      }
      passed.push(d);
      const hit = CONFIG_NAMES.map((name) => resolve(d, name)).find((f) => kindOf(f) === 'file');
      if (hit) {
        result = hit;
        break;
      }
      if (dirname(d) === d) break;
    }
    for (const d of passed) this.found.set(d, result);
    return result;
  }
}
