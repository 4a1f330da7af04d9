# zsh capture.zsh SCRIPT|FOLDER DIR DUMP LINE: the candidates zsh offers for LINE<Tab>, one a line. SCRIPT is
# sourced after compinit; a FOLDER (holding _campaign) goes on $fpath before it. DUMP: compinit's dump file.
zmodload zsh/zpty || exit 3
zpty z zsh -f -i
zpty -w z "unset zle_bracketed_paste; PS1=; cd ${(q)2}"
if [[ -d $1 ]]; then zpty -w z "fpath=(${(q)1} \$fpath)"; fi
zpty -w z "autoload -Uz compinit && compinit -u -d ${(q)3}"
if [[ -f $1 ]]; then zpty -w z "source ${(q)1}"; fi
# What completion would add is printed instead (the markers are split so that the echoed input never matches).
zpty -w z 'compadd () {
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return $?; fi
  typeset -a __hits; builtin compadd -A __hits "$@"
  local h; for h in $__hits; do echo -E - "<HI""T>$h"; done
}'
zpty -w z 'null-line () { echo -E - "<EN""D>" }; compprefuncs=( null-line ); comppostfuncs=( null-line exit )'
zpty -w z "bindkey '^I' complete-word"
zpty -w -n z "$4"$'\t'
ends=0
while zpty -r z out; do
  if [[ $out == *'<END>'* ]]; then (( ++ends == 2 )) && break; continue; fi
  [[ $out == *'<HIT>'* ]] && print -r -- "${${out#*<HIT>}%%$'\r'*}"
done
zpty -d z
