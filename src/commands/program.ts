// Commander, speaking the user's language: help headings, option descriptions and commander's own
// errors come from the help catalogue (src/messages/help.ts), text widths count Chinese as two
// columns, and long descriptions wrap between Chinese characters.
import { Command, type Argument, type Option } from 'commander';
import { bracket } from '../messages/labels.js';
import { displayWidth, wrapText } from '../formats/width.js';
import { helpText, type HelpKey } from '../messages/help.js';
import type { Lang } from '../messages/types.js';
import { nearest } from '../model/nearest.js';

const TITLES: Record<string, HelpKey> = { 'Usage:': 'usage', 'Options:': 'options', 'Arguments:': 'arguments', 'Commands:': 'commands' };

/** A commander Command whose help and errors are in `lang`. */
export class LocalCommand extends Command {
  constructor(name: string | undefined, readonly lang: Lang) {
    super(name);
    const t = (key: HelpKey, values?: Record<string, string | number>) => helpText(lang, key, values);
    const withDefault = (description: string, value: string) => `${description}${bracket(lang, `${t('default')}${lang === 'zh' ? '：' : ': '}${value}`)}`;
    this.configureHelp({
      styleTitle: (title: string) => (TITLES[title] ? t(TITLES[title]) : title),
      displayWidth,
      boxWrap: (text: string, width: number) => wrapText(text, width),
      optionDescription: (option: Option) => {
        const shown = option.defaultValue !== undefined && (option.required || option.optional);
        return shown ? withDefault(option.description, option.defaultValueDescription ?? JSON.stringify(option.defaultValue)) : option.description;
      },
      argumentDescription: (argument: Argument) =>
        argument.defaultValue === undefined ? argument.description : withDefault(argument.description, argument.defaultValueDescription ?? JSON.stringify(argument.defaultValue)),
    });
    this.helpOption('-h, --help', t('help'));
    this.helpCommand(false);
  }

  override createCommand(name?: string): LocalCommand {
    return new LocalCommand(name, this.lang);
  }

  private say(key: HelpKey, values: Record<string, string | number>, code: string): never {
    const hint = this.parent ? helpText(this.lang, 'commandHint', { command: this.name() }) : helpText(this.lang, 'hint');
    const sep = this.lang === 'zh' ? '（' : ' (';
    const end = this.lang === 'zh' ? '）' : ')';
    this.error(`campaign: ${helpText(this.lang, key, values)}${sep}${hint}${end}`, { code, exitCode: 2 });
  }

  private suggestion(word: string, candidates: string[]): string {
    const near = nearest(word, candidates);
    return near && near !== word ? helpText(this.lang, 'err.didYouMean', { name: near }) : '';
  }

  // Commander reports these through the methods below; overriding them puts the words in our catalogue.
  unknownCommand(): never {
    const name = String(this.args[0]);
    return this.say('err.unknownCommand', { name, suggestion: this.suggestion(name, this.commands.map((c) => c.name())) }, 'commander.unknownCommand');
  }

  unknownOption(flag: string): void {
    if ((this as unknown as { _allowUnknownOption: boolean })._allowUnknownOption) return;
    const longs = this.options.map((o) => o.long).filter((l): l is string => !!l);
    this.say('err.unknownOption', { name: flag, suggestion: flag.startsWith('--') ? this.suggestion(flag, longs) : '' }, 'commander.unknownOption');
  }

  // `campaign help CMD` prints what `campaign CMD --help` prints; an unknown CMD is told as an unknown command is.
  _dispatchHelpCommand(name?: string): unknown {
    if (name && name !== this.helpCommandName() && !this.commands.some((c) => c.name() === name || c.aliases().includes(name))) {
      return this.say('err.unknownCommand', { name, suggestion: this.suggestion(name, this.commands.map((c) => c.name())) }, 'commander.unknownCommand');
    }
    if (name === this.helpCommandName()) return this.help();
    return (Command.prototype as unknown as { _dispatchHelpCommand(this: Command, n?: string): unknown })._dispatchHelpCommand.call(this, name);
  }

  private helpCommandName(): string | undefined {
    return (this as unknown as { _getHelpCommand(): Command | null })._getHelpCommand()?.name();
  }

  missingArgument(name: string): never {
    return this.say('err.missingArgument', { name }, 'commander.missingArgument');
  }

  optionMissingArgument(option: Option): never {
    return this.say('err.optionMissingArgument', { name: option.flags }, 'commander.optionMissingArgument');
  }

  _excessArguments(received: string[]): void {
    if ((this as unknown as { _allowExcessArguments: boolean })._allowExcessArguments) return;
    this.say('err.excessArguments', { command: this.name(), expected: this.registeredArguments.length, got: received.length }, 'commander.excessArguments');
  }

  _conflictingOption(option: Option, other: Option): never {
    return this.say('err.conflictingOption', { name: option.flags, other: other.flags }, 'commander.conflictingOption');
  }
}
