// The bash completion script: all in the script, nothing run at Tab (starting campaign with all its commands
// takes seconds). Bash 3.2 (macOS) and up: no associative arrays, no compopt. Where no list applies, bash's
// own file-name completion takes over (complete -o default), so file arguments complete as files.
import type { CommandSpec, CompletionSpec, OptionSpec } from './spec.js';

/** A word as it stands in the script, between single quotes inside a compgen -W list. */
function word(w: string): string {
  if (!/^[^\s'"\\$`]+$/.test(w)) throw new Error(`cannot complete ${JSON.stringify(w)} in bash`);
  return w;
}

const list = (words: readonly string[]): string => `'${words.map(word).join(' ')}'`;
const flags = (options: readonly OptionSpec[]): string[] => options.flatMap((o) => o.flags);

/** `-f|--format) COMPREPLY=(…); return ;;` for each option with a fixed list of values. */
function valueCases(options: readonly OptionSpec[], indent: string): string[] {
  return options
    .filter((o) => o.values)
    .map((o) => `${indent}${o.flags.map(word).join('|')}) COMPREPLY=($(compgen -W ${list(o.values!)} -- "$cur")); return ;;`);
}

function commandCase(cmd: CommandSpec, fn: string): string {
  const i = '    ';
  const lines = [`${i}${word(cmd.name)})`];
  const cases = valueCases(cmd.options, `${i}    `);
  if (cases.length) lines.push(`${i}  case $prev in`, ...cases, `${i}  esac`);
  lines.push(`${i}  if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W ${list(flags(cmd.options))} -- "$cur")); return; fi`);
  // Arguments with a fixed list (completion's shell, help's command): the one at the cursor's place.
  if (cmd.args.some((a) => a.values)) {
    const valued = cmd.options.filter((o) => o.value).flatMap((o) => o.flags);
    lines.push(`${i}  case $(${fn}_args $((at + 1)) ${list(valued)}) in`);
    cmd.args.forEach((a, n) => {
      if (a.values && !a.variadic) lines.push(`${i}    ${n}) COMPREPLY=($(compgen -W ${list(a.values)} -- "$cur")) ;;`);
    });
    lines.push(`${i}  esac`);
  }
  lines.push(`${i}  ;;`);
  return lines.join('\n');
}

export function bashScript(spec: CompletionSpec): string {
  const name = word(spec.program);
  const fn = `_${name.replace(/\W/g, '_')}`;
  return `# bash completion for ${name} ${spec.version}, written by \`${name} completion bash\` from its own commands and options.
# Install it once:   ${name} completion bash > ~/.local/share/bash-completion/completions/${name}
# or in ~/.bashrc:   source <(${name} completion bash)

# How many arguments (not options, nor their values) stand from word $1 to the word being completed;
# $2 lists the options that take a value.
${fn}_args() {
  local i w n=0 skip=
  for ((i = $1; i < COMP_CWORD; i++)); do
    w=\${COMP_WORDS[i]}
    if [[ $w == = ]]; then skip=1; continue; fi
    if [[ -n $skip ]]; then skip=; continue; fi
    case $w in
      -*) [[ " $2 " == *" $w "* && \${COMP_WORDS[i + 1]} != = ]] && skip=1 ;;
      *) n=$((n + 1)) ;;
    esac
  done
  echo $n
}

${fn}() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD - 1]} cmd= at i
  # bash splits --format=json at '=': complete the value after it.
  if [[ $cur == = ]]; then cur=; elif [[ $prev == = ]]; then prev=\${COMP_WORDS[COMP_CWORD - 2]}; fi
  for ((i = 1; i < COMP_CWORD; i++)); do
    case \${COMP_WORDS[i]} in
      -*) ;;
      *) cmd=\${COMP_WORDS[i]}; at=$i; break ;;
    esac
  done
  case $cmd in
    '')
      if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W ${list(flags(spec.options))} -- "$cur"))
      else COMPREPLY=($(compgen -W ${list(spec.commands.map((c) => c.name))} -- "$cur")); fi
      ;;
${spec.commands.map((c) => commandCase(c, fn)).join('\n')}
  esac
}

complete -o default -F ${fn} ${name}
`;
}
