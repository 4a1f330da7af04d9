// The zsh completion script: _arguments specs for each command, with the descriptions help shows, written
// out in full (nothing is run at Tab). Works from $fpath (as the file _campaign) and when sourced.
import type { ArgumentSpec, CommandSpec, CompletionSpec, OptionSpec } from './spec.js';

/** Text inside single quotes. */
const sq = (s: string): string => s.replace(/'/g, `'\\''`);
/** Text inside an _arguments [description] or a :message:, where [ ] : and \ mean something. */
const plain = (s: string): string => s.replace(/[\\[\]:]/g, (c) => `\\${c}`);
/** A value in an _arguments (a b c) list. */
const value = (s: string): string => s.replace(/[\\\s()'":]/g, (c) => (c === "'" ? `'\\''` : `\\${c}`));

/** What completes an option's value: its list, files for a file or a folder, else nothing but a message. */
function valueAction(o: OptionSpec): string {
  if (o.values) return `(${o.values.map(value).join(' ')})`;
  if (o.value === 'dir') return '_files -/';
  if (o.value && /^(file|files|plan|plans|page|path)$/.test(o.value)) return '_files';
  return ' ';
}

function optionSpecs(o: OptionSpec): string[] {
  const desc = `[${sq(plain(o.description))}]`;
  const tail = o.value ? `:${sq(plain(o.value))}:${sq(valueAction(o))}` : '';
  // -f+ takes -fjson or -f json; --format= takes --format=json or --format json.
  const forms = o.flags.map((f) => (o.value ? `${f}${f.startsWith('--') ? '=' : '+'}` : f));
  if (o.repeatable) return forms.map((f) => `'*${f}${desc}${tail}'`);
  const exclusive = o.flags.length > 1 ? `(${o.flags.join(' ')})` : '';
  return forms.map((f) => `'${exclusive}${f}${desc}${tail}'`);
}

function argumentSpec(a: ArgumentSpec, n: number): string {
  const action = a.values ? `(${a.values.map(value).join(' ')})` : '_files';
  return `'${a.variadic ? '*' : `${n + 1}`}:${sq(plain(a.name))}:${sq(action)}'`;
}

function commandCase(cmd: CommandSpec): string {
  const specs = [...cmd.options.flatMap(optionSpecs), ...cmd.args.map(argumentSpec)];
  return `        ${cmd.name})\n          _arguments -s -S \\\n            ${specs.join(' \\\n            ')} && ret=0\n          ;;`;
}

export function zshScript(spec: CompletionSpec): string {
  const name = spec.program;
  const fn = `_${name.replace(/\W/g, '_')}`;
  const commands = spec.commands.map((c) => `    '${sq(c.name.replace(/:/g, '\\:'))}:${sq(c.description)}'`);
  const programOptions = spec.options.flatMap(optionSpecs).map((s) => s.replace(/^'(\([^)]*\))?/, `'(- *)`));
  return `#compdef ${name}
# zsh completion for ${name} ${spec.version}, written by \`${name} completion zsh\` from its own commands and options.
# Install it once:   ${name} completion zsh > ~/.zfunc/${fn}   (with fpath=(~/.zfunc $fpath) before compinit)
# or in ~/.zshrc:    source <(${name} completion zsh)   (after compinit)

${fn}() {
  local curcontext=$curcontext state line ret=1
  typeset -A opt_args
  local -a commands
  commands=(
${commands.join('\n')}
  )
  _arguments -C \\
    ${programOptions.join(' \\\n    ')} \\
    '1: :->command' \\
    '*:: :->argument' && ret=0
  case $state in
    command)
      _describe -t commands '${sq(name)} command' commands && ret=0
      ;;
    argument)
      curcontext=\${curcontext%:*:*}:${name}-$words[1]:
      case $words[1] in
${spec.commands.map(commandCase).join('\n')}
      esac
      ;;
  esac
  return ret
}

if [[ $funcstack[1] == ${fn} ]]; then
  ${fn} "$@"
else
  compdef ${fn} ${name}
fi
`;
}
