#compdef gen-postman
# zsh completion for gen-postman. Load it in ~/.zshrc, after compinit, with:
#   source <(gen-postman completion zsh)
_gen_postman() {
	local cur=${words[CURRENT]} prev=${words[CURRENT-1]}
	case $prev in
	--provider) compadd {{.Providers}}; return ;;
{{- range .Choices}}
	{{.Flag}}) compadd {{.Words}}; return ;;
{{- end}}
	{{.ValueFlags}}) _files; return ;;
	esac
	local -a args opts
	args=("${(@)words[2,CURRENT-1]}")
	if [[ $cur == -* ]]; then
		args+=("$cur")
	fi
	opts=("${(@f)$("${words[1]}" "${(@)args}" --generate-bash-completion 2>/dev/null)}")
	if [[ -n ${opts[1]} ]]; then
		compadd -a opts
	else
		_files
	fi
}
compdef _gen_postman gen-postman
