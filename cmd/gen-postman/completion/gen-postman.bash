# bash completion for gen-postman. Load it in ~/.bashrc with:
#   source <(gen-postman completion bash)
_gen_postman() {
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	COMPREPLY=()
	case $prev in
	--provider) COMPREPLY=($(compgen -W "{{.Providers}}" -- "$cur")); return 0 ;;
{{- range .Choices}}
	{{.Flag}}) COMPREPLY=($(compgen -W "{{.Words}}" -- "$cur")); return 0 ;;
{{- end}}
	{{.ValueFlags}}) return 0 ;; # a flag's value: let bash complete a file name
	esac
	local -a args=("${COMP_WORDS[@]:1:COMP_CWORD-1}")
	if [[ $cur == -* ]]; then
		args+=("$cur")
	fi
	local IFS=$'\n'
	COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" "${args[@]}" --generate-bash-completion 2>/dev/null)" -- "$cur"))
}
complete -o bashdefault -o default -F _gen_postman gen-postman
