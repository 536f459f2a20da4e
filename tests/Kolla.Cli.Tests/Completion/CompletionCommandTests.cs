using System.Runtime.Versioning;
using Kolla.Cli;
using Kolla.TestKit;
using Kolla.Tests.Lifecycle;

namespace Kolla.Tests.Completion;

/// <summary>
/// <c>kolla completion bash</c>: the script, sourced in a real bash, completes verbs, options and option values by asking
/// the built <c>kolla</c> (System.CommandLine's <c>[suggest]</c> directive), as bash calls it on TAB.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class CompletionCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kolla-completion-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("kolla de", "deploy deploy-containers destroy")]
    [InlineData("kolla deploy --ex", "--executor --extra-vars")]
    [InlineData("kolla deploy --executor d", "docker dry-run")]
    [InlineData("kolla plan --no-d", "--no-diff")]
    [InlineData("kolla completion ", "bash fish zsh")]
    [InlineData("kolla ", "bootstrap-servers build certificates check completion config deploy deploy-containers destroy gather-facts genconfig genpwd inventory mariadb-recovery mariadb_recovery mergepwd plan post-deploy prechecks prune-images pull reconfigure stop upgrade")]
    public async Task Bash_SourcedScript_CompletesFromTheKollaOnThePath(string line, string expected)
    {
        var token = TestContext.Current.CancellationToken;
        var (code, script, error) = await CliRun.RunAsync("completion", "bash");
        code.Should().Be(0, error);
        await File.WriteAllTextAsync(Path.Combine(_dir, "kolla.bash"), script, token);
        var kolla = Path.Combine(_dir, "kolla");
        await File.WriteAllTextAsync(kolla, $"#!/bin/sh\nexec dotnet '{typeof(KollaApp).Assembly.Location}' \"$@\"\n", token);
        File.SetUnixFileMode(kolla, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        // What bash sets before calling a completion function: the line up to the cursor, its words, the word under the cursor.
        const string Driver = """
            source "$1"
            COMP_LINE="$2"; COMP_POINT=${#COMP_LINE}
            read -ra COMP_WORDS <<< "$COMP_LINE"
            [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            _kolla_complete
            echo "${COMPREPLY[*]}"
            complete -p kolla
            """;
        var run = await ExternalCommand.RunAsync(
            "bash",
            ["-c", Driver, "driver", Path.Combine(_dir, "kolla.bash"), line],
            new Dictionary<string, string?> { ["PATH"] = $"{_dir}:{Environment.GetEnvironmentVariable("PATH")}" },
            token);

        run.EnsureSuccess();
        run.StandardOutput.Should().Be($"{expected}\ncomplete -o default -F _kolla_complete kolla\n");
    }

    [Theory]
    [InlineData("kolla de", "deploy deploy-containers destroy")]
    [InlineData("kolla deploy --executor d", "docker dry-run")]
    [InlineData("kolla plan --no-d", "--no-diff")]
    [InlineData("kolla deploy --configdir /KOLLADIR/kolla.", "/KOLLADIR/kolla.bash /KOLLADIR/kolla.fish /KOLLADIR/kolla.zsh")]
    public async Task Fish_SourcedScript_CompletesFromTheKollaOnThePath(string line, string expected)
    {
        // fish's own completion engine (complete -C) runs the script's function, which asks the kolla on PATH; paths
        // fall back to fish's file completion.
        var dir = await WriteScriptsAsync();
        var run = await ExternalCommand.RunAsync(
            "fish",
            ["--no-config", "-c", "source $argv[1]; complete -C $argv[2]", Path.Combine(dir, "kolla.fish"), line.Replace("/KOLLADIR", dir, StringComparison.Ordinal)],
            new Dictionary<string, string?> { ["PATH"] = $"{dir}:{Environment.GetEnvironmentVariable("PATH")}" },
            TestContext.Current.CancellationToken);

        run.EnsureSuccess();
        string.Join(' ', run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')[0]))
            .Should().Be(expected.Replace("/KOLLADIR", dir, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("de", "deploy deploy-containers destroy")]
    [InlineData("deploy --executor d", "docker dry-run")]
    [InlineData("plan --no-d", "--no-diff")]
    [InlineData("deploy --configdir ''", "(files)")]
    public async Task Zsh_SourcedScript_CompletesFromTheKollaOnThePath(string words, string expected)
    {
        // A real zsh runs the script's function as its completion system would: words and CURRENT set, compadd and
        // _files (builtins of an interactive completion session) replaced by functions that print what they were given
        // (compadd keeping, as the real one does, the candidates that match the word being completed).
        var dir = await WriteScriptsAsync();
        const string Driver = """
            compdef() { print -r -- "registered: $*"; }
            source "$1"
            compadd() { [[ $1 == -- ]] && shift; local -a kept=(${(M)@:#${PREFIX}*}); print -r -- "${kept[*]}"; }
            _files() { print -r -- "(files)"; }
            eval "words=(kolla $2)"
            CURRENT=${#words}
            PREFIX=${words[CURRENT]}
            _kolla
            """;
        var run = await ExternalCommand.RunAsync(
            "zsh",
            ["-f", "-c", Driver, "driver", Path.Combine(dir, "kolla.zsh"), words],
            new Dictionary<string, string?> { ["PATH"] = $"{dir}:{Environment.GetEnvironmentVariable("PATH")}" },
            TestContext.Current.CancellationToken);

        run.EnsureSuccess();
        run.StandardOutput.Should().Be($"registered: _kolla kolla\n{expected}\n");
    }

    // The three scripts and a kolla on PATH that runs this build.
    private async Task<string> WriteScriptsAsync()
    {
        var token = TestContext.Current.CancellationToken;
        foreach (var shell in new[] { "bash", "zsh", "fish" })
        {
            var (code, script, error) = await CliRun.RunAsync("completion", shell);
            code.Should().Be(0, error);
            await File.WriteAllTextAsync(Path.Combine(_dir, "kolla." + shell), script, token);
        }

        var kolla = Path.Combine(_dir, "kolla");
        await File.WriteAllTextAsync(kolla, $"#!/bin/sh\nexec dotnet '{typeof(KollaApp).Assembly.Location}' \"$@\"\n", token);
        File.SetUnixFileMode(kolla, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return _dir;
    }

    [Theory]
    [InlineData("zsh", "compdef _kolla kolla")]
    [InlineData("fish", "complete -c kolla -f -a '(__kolla_complete)'")]
    public async Task ZshAndFish_PrintScriptsThatAskKolla(string shell, string registration)
    {
        var (code, script, error) = await CliRun.RunAsync("completion", shell);

        code.Should().Be(0, error);
        script.Should().Contain("[suggest:").And.Contain(registration);
    }

    [Fact]
    public async Task UnknownShell_IsRefused()
    {
        var (code, output, error) = await CliRun.RunAsync("completion", "tcsh");

        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Contain("tcsh");
    }
}
