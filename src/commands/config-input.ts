// --config FILE and --no-config, which every command that reads plans takes, and the configuration of a
// run: each plan's (the nearest .campaignrc.yaml above it, src/io/config.ts), all read before any plan
// is, and the run's language. Precedence: the command line, then the configuration, then the plan, then
// the defaults.
import { offers } from './options.js';
import { Option, type Command } from 'commander';
import type { CampaignConfig } from '../config/types.js';
import { ConfigLoader, type ConfigChoice } from '../io/config.js';
import { langFromEnv } from '../io/env.js';
import { installUserData, readUserData } from '../io/user-data.js';
import { formatMessage } from '../messages/index.js';
import { helpText } from '../messages/help.js';
import type { Lang } from '../messages/types.js';
import type { CommandContext } from './context.js';
import { resolveLang } from './options.js';

export interface ConfigOptions { config?: ConfigChoice; lang?: string; data?: string[] }

/**
 * --config FILE and --no-config (the last given wins, as commander has it), and --lang, whose default the
 * configuration now gives: for a command's options.
 */
export const configOptions = (lang: Lang): Option[] => [
  new Option('--config <file>', helpText(lang, 'opt.config')),
  new Option('--no-config', helpText(lang, 'opt.noConfig')),
  new Option('--data <file>', helpText(lang, 'opt.data')).argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]),
  offers(new Option('--lang <lang>', helpText(lang, 'opt.langConfig')), ['zh', 'en']),
];

/** Adds --config FILE, --no-config and --lang to a command. */
export function withConfigOptions<C extends Command>(cmd: C, lang: Lang): C {
  for (const option of configOptions(lang)) cmd.addOption(option);
  return cmd;
}

export interface RunConfig {
  /** --lang, else the first plan's configuration's `lang`, else the locale's. */
  lang: Lang;
  /** The configuration that governs a plan (read already), or none. */
  configFor(file: string): CampaignConfig | undefined;
}

/**
 * Reads the configuration of every plan of the run (a broken one stops the run, exit 2, before any plan
 * is read) and settles the run's language. Standard input, and a run with no plan named, take the
 * working folder's configuration.
 */
export function runConfig(files: readonly string[], opts: ConfigOptions, ctx: CommandContext): RunConfig {
  const given = opts.lang === undefined ? undefined : resolveLang(opts.lang, ctx.io);
  const loader = new ConfigLoader(opts.config, given ?? ctx.lang);
  const configs = new Map<string, CampaignConfig | undefined>();
  for (const file of files.length ? files : ['-']) configs.set(file, loader.forPlan(file));
  const lang = given ?? configs.get(files[0] ?? '-')?.lang ?? langFromEnv(ctx.io.env);
  ctx.lang = lang;
  // The data files: the configurations' (each once), then --data's, the later over the earlier.
  const dataFiles = [...new Set([...configs.values()].flatMap((c) => c?.data ?? [])), ...(opts.data ?? [])];
  for (const n of installUserData(dataFiles.map((f) => readUserData(f, lang)))) ctx.io.stderr(`campaign: ${formatMessage('data/overrides', n, lang)}\n`);
  return { lang, configFor: (file) => (configs.has(file) ? configs.get(file) : loader.forPlan(file)) };
}
