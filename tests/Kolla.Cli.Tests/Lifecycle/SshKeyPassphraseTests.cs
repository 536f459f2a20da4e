using Kolla.Cli;
using Kolla.Cli.Commands;

namespace Kolla.Tests.Lifecycle;

public sealed class SshKeyPassphraseTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Source_EnvironmentVariableSet_GivesItWithoutAsking()
    {
        var prompts = new List<string>();
        var console = new CliConsole(TextWriter.Null, TextWriter.Null, IsInteractive: true, ReadSecret: p => { prompts.Add(p); return "typed"; });

        var passphrase = await SshKeyPassphrase.Source(console, name => name == "KOLLA_SSH_KEY_PASSPHRASE" ? "from-env" : null)("/k/id", Token);

        passphrase.Should().Be("from-env");
        prompts.Should().BeEmpty();
    }

    [Fact]
    public async Task Source_TerminalWithoutVariable_PromptsNamingTheKey()
    {
        var prompts = new List<string>();
        var console = new CliConsole(TextWriter.Null, TextWriter.Null, IsInteractive: true, ReadSecret: p => { prompts.Add(p); return "typed"; });

        var passphrase = await SshKeyPassphrase.Source(console, _ => null)("/k/id_ed25519", Token);

        passphrase.Should().Be("typed");
        prompts.Should().Equal("Enter passphrase for key '/k/id_ed25519': ");
    }

    [Fact]
    public async Task Source_NoTerminalNoVariable_GivesNone()
    {
        var console = new CliConsole(TextWriter.Null, TextWriter.Null, IsInteractive: false);

        (await SshKeyPassphrase.Source(console, _ => null)("/k/id", Token)).Should().BeNull();
    }
}
