// The PowerShell completion script: a native argument completer holding the commands, their options and
// their lists of values as data (nothing is run at Tab). Where it offers nothing, PowerShell completes
// file names itself, so file arguments complete as files.
import type { CompletionSpec, OptionSpec } from './spec.js';

/** A PowerShell single-quoted string (PowerShell takes ‘ ’ ‚ ‛ for ' too). */
const q = (s: string): string => `'${s.replace(/['‘’‚‛]/g, (c) => c + c)}'`;
/**
 * A string, the script kept in ASCII: Chinese is written as \uXXXX for [regex]::Unescape, so that the script
 * reads right whatever code page the console decodes campaign's output with (936 on a Chinese Windows).
 */
const text = (s: string): string =>
  /^[\x20-\x7e]*$/.test(s)
    ? q(s)
    : `([regex]::Unescape(${q(s.replace(/\\/g, '\\\\').replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))}))`;
const array = (items: readonly string[]): string => `@(${items.map(text).join(', ')})`;

function optionData(options: readonly OptionSpec[], indent: string): string[] {
  return [
    `${indent}options = @(`,
    ...options.map((o) => `${indent}  @{ flags = ${array(o.flags)}; description = ${text(o.description)}; valued = $${!!o.value}; values = ${o.values ? array(o.values) : '$null'} }`),
    `${indent})`,
  ];
}

export function powershellScript(spec: CompletionSpec): string {
  const name = spec.program;
  const commands = spec.commands.flatMap((c) => [
    `    ${text(c.name)} = @{`,
    `      description = ${text(c.description)}`,
    ...optionData(c.options, '      '),
    // The arguments with a fixed list of values, by position.
    `      args = @{${c.args.flatMap((a, n) => (a.values && !a.variadic ? [` ${n} = ${array(a.values)} `] : [])).join(';')}}`,
    '    }',
  ]);
  return `# PowerShell completion for ${name} ${spec.version}, written by \`${name} completion powershell\` from its own commands and options.
# Install it once:   ${name} completion powershell | Out-File -Append -Encoding utf8 $PROFILE
# or for this session: ${name} completion powershell | Out-String | Invoke-Expression

Register-ArgumentCompleter -Native -CommandName ${q(name)} -ScriptBlock {
  param($wordToComplete, $commandAst, $cursorPosition)

  $program = @{
${optionData(spec.options, '    ').join('\n')}
  }
  $commands = [ordered]@{
${commands.join('\n')}
  }

  $result = {
    param($text, $type, $tip)
    if (-not $tip) { $tip = $text }
    [System.Management.Automation.CompletionResult]::new($text, $text, $type, $tip)
  }
  $matching = { param($values, $prefix) @($values | Where-Object { $_ -like "$prefix*" }) }

  # The words before the one being completed.
  $words = @($commandAst.CommandElements | Where-Object { $_.Extent.EndOffset -lt $cursorPosition } | ForEach-Object { $_.Extent.Text })
  $command = $null
  $at = 0
  for ($i = 1; $i -lt $words.Count; $i++) {
    if (-not $words[$i].StartsWith('-')) { $command = $commands[$words[$i]]; $at = $i; break }
  }
  if ($null -eq $command) {
    if ($wordToComplete.StartsWith('-')) {
      foreach ($o in $program.options) { foreach ($f in (& $matching $o.flags $wordToComplete)) { & $result $f 'ParameterName' $o.description } }
    } elseif ($at -eq 0) {
      foreach ($n in (& $matching @($commands.Keys) $wordToComplete)) { & $result $n 'ParameterValue' $commands[$n].description }
    }
    return
  }

  $option = { param($flag) foreach ($o in $command.options) { if ($o.flags -contains $flag) { return $o } } }
  # --format=json: the values after the '='.
  if ($wordToComplete -match '^(--[^=]+)=(.*)$') {
    $o = & $option $Matches[1]
    if ($o -and $o.values) { foreach ($v in (& $matching $o.values $Matches[2])) { & $result "$($Matches[1])=$v" 'ParameterValue' $v } }
    return
  }
  $previous = if ($words.Count -gt $at + 1) { & $option $words[-1] } else { $null }
  if ($previous -and $previous.valued) {
    if ($previous.values) { foreach ($v in (& $matching $previous.values $wordToComplete)) { & $result $v 'ParameterValue' $v } }
    return
  }
  if ($wordToComplete.StartsWith('-')) {
    foreach ($o in $command.options) { foreach ($f in (& $matching $o.flags $wordToComplete)) { & $result $f 'ParameterName' $o.description } }
    return
  }
  # Which argument this is: the words after the command that are neither options nor their values.
  $n = 0
  for ($i = $at + 1; $i -lt $words.Count; $i++) {
    $o = & $option $words[$i]
    if ($o) { if ($o.valued -and -not $words[$i].Contains('=')) { $i++ } } elseif (-not $words[$i].StartsWith('-')) { $n++ }
  }
  if ($command.args.ContainsKey($n)) {
    foreach ($v in (& $matching $command.args[$n] $wordToComplete)) { & $result $v 'ParameterValue' $v }
  }
}
`;
}
