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
    [InlineData("kolla ", "build certificates check completion config deploy deploy-containers destroy gather-facts genconfig genpwd inventory mariadb-recovery mariadb_recovery mergepwd plan post-deploy prechecks prune-images pull reconfigure stop upgrade")]
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
