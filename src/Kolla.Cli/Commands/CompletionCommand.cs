using System.CommandLine;

namespace Kolla.Cli.Commands;

/// <summary>
/// <c>kolla completion bash|zsh|fish</c>: prints a shell completion script. The scripts ask <c>kolla</c> itself what may
/// come next (System.CommandLine's <c>[suggest:POSITION]</c> directive), so verbs, options and option values always match
/// the installed version; where kolla suggests nothing (a path after <c>-i</c>), the shell completes file names.
/// </summary>
internal static class CompletionCommand
{
    public static Command Create(CliConsole console)
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh or fish." };
        shell.AcceptOnlyFromAmong("bash", "zsh", "fish");
        var command = new Command(
            "completion",
            "Print a shell completion script: eval \"$(kolla completion bash)\" in ~/.bashrc, "
            + "source <(kolla completion zsh) in ~/.zshrc, kolla completion fish > ~/.config/fish/completions/kolla.fish.")
        {
            shell,
        };
        command.SetAction(parse =>
        {
            console.Out.Write(parse.GetValue(shell) switch
            {
                "zsh" => Zsh,
                "fish" => Fish,
                _ => Bash,
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    // Candidates come back one per line; the help aliases (-?, /?, /h) are left out, options only once the word starts with '-',
    // and bash keeps those starting with the word.
    private const string Bash = """
        # kolla completion for bash: eval "$(kolla completion bash)" (e.g. in ~/.bashrc)
        _kolla_complete() {
            local line="${COMP_LINE:0:COMP_POINT}" word="${COMP_WORDS[COMP_CWORD]}" candidate
            COMPREPLY=()
            while IFS= read -r candidate; do
                case "$candidate" in
                    ''|'-?'|/*) ;;
                    -*) [[ "$word" == -* && "$candidate" == "$word"* ]] && COMPREPLY+=("$candidate") ;;
                    "$word"*) COMPREPLY+=("$candidate") ;;
                esac
            done < <("${COMP_WORDS[0]}" "[suggest:${#line}]" "$line" 2>/dev/null)
        }
        complete -o default -F _kolla_complete kolla

        """;

    private const string Zsh = """
        #compdef kolla
        # kolla completion for zsh: source <(kolla completion zsh) (e.g. in ~/.zshrc, after compinit)
        _kolla() {
            local line="${(j: :)words[1,CURRENT]}"
            local -a candidates
            candidates=("${(@f)$("${words[1]}" "[suggest:${#line}]" "$line" 2>/dev/null)}")
            candidates=("${(@)candidates:#(|-\?|/*)}")
            [[ "$PREFIX" == -* ]] || candidates=("${(@)candidates:#-*}")
            if (( ${#candidates} )); then
                compadd -- "${candidates[@]}"
            else
                _files
            fi
        }
        compdef _kolla kolla

        """;

    private const string Fish = """
        # kolla completion for fish: kolla completion fish > ~/.config/fish/completions/kolla.fish
        function __kolla_complete
            set -l line (commandline -cp)
            set -l word (commandline -ct)
            set -l candidates (kolla "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null | string match -v -r '^(|-\\?|/.*)$')
            if not string match -q -- '-*' "$word"
                set candidates (string match -v -- '-*' $candidates)
            end
            if set -q candidates[1]
                printf '%s\\n' $candidates
            else
                __fish_complete_path "$word"
            end
        end
        complete -c kolla -f -a '(__kolla_complete)'

        """;
}
