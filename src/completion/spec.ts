// What a shell needs to complete `campaign`, read from the commander program itself (its commands, their
// options and arguments, and the fixed lists of values set with offers()), so that a completion script
// never drifts from the real options. The scripts for each shell are rendered from this (bash.ts, zsh.ts,
// powershell.ts).
import type { Argument, Command, Option } from 'commander';
import { displayWidth } from '../formats/width.js';

export interface OptionSpec {
  /** -f, --format */
  flags: string[];
  description: string;
  /** The name of the value it takes (format, file, date …), or undefined for a switch. */
  value?: string;
  /** The values it takes, when they are a fixed list. */
  values?: readonly string[];
  /** May be given more than once (its values are collected). */
  repeatable: boolean;
}

export interface ArgumentSpec {
  name: string;
  /** The values it takes, when they are a fixed list; otherwise it is completed as a file. */
  values?: readonly string[];
  variadic: boolean;
}

export interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  args: ArgumentSpec[];
}

export interface CompletionSpec {
  program: string;
  version: string;
  /** The program's own options (--version, --help). */
  options: OptionSpec[];
  commands: CommandSpec[];
}

/** The first clause of a text: up to a full stop or semicolon that stands outside brackets. */
function firstClause(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if ('(（[“'.includes(c)) depth++;
    else if (')）]”'.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === '。' || c === '；' || c === '\n' || ((c === ';' || c === '.') && text[i + 1] === ' '))) return text.slice(0, i);
  }
  return text;
}

/** A description cut to its first clause and to about 60 columns, for a completion menu. */
export function summary(text: string): string {
  const first = firstClause(text).trim();
  if (displayWidth(first) <= 60) return first;
  let out = '';
  for (const ch of first) {
    if (displayWidth(`${out}${ch}…`) > 60) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

function optionSpec(option: Option): OptionSpec {
  const flags = [option.short, option.long].filter((f): f is string => !!f);
  const value = /[<[]([^>\]]+)[>\]]/.exec(option.flags)?.[1]?.replace(/\.\.\.$/, '');
  return {
    flags,
    description: summary(option.description),
    ...(value ? { value } : {}),
    ...(option.argChoices ? { values: option.argChoices } : {}),
    // In this program an option with a parser of its own collects its values (options.ts `collect`).
    repeatable: !!value && !!option.parseArg && !option.argChoices,
  };
}

function argumentSpec(argument: Argument): ArgumentSpec {
  return { name: argument.name(), ...(argument.argChoices ? { values: argument.argChoices } : {}), variadic: argument.variadic };
}

/** The completion spec of a program whose commands are all added. */
export function completionSpec(program: Command, version: string): CompletionSpec {
  const help = program.createHelp();
  const listed = help.visibleCommands(program);
  const names = listed.map((c) => c.name());
  const commands = listed.map((cmd): CommandSpec => {
    // Commander's own help command (not one of program.commands) takes a command's name.
    const isHelp = !program.commands.includes(cmd);
    const args = cmd.registeredArguments.map(argumentSpec).map((a) => (isHelp ? { ...a, values: names.filter((n) => n !== cmd.name()) } : a));
    return { name: cmd.name(), description: summary(cmd.description()), options: cmd.createHelp().visibleOptions(cmd).map(optionSpec), args };
  });
  return { program: program.name(), version, options: help.visibleOptions(program).map(optionSpec), commands };
}
