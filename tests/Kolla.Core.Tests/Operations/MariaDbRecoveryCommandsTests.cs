using Kolla.Compat;
using Kolla.Operations;

namespace Kolla.Tests.Operations;

/// <summary>The recovery's container commands reach the engine as <c>bash -c SCRIPT</c> (the engine splits them as kolla_container does).</summary>
public sealed class MariaDbRecoveryCommandsTests
{
    [Fact]
    public void RecoverCommand_SplitForTheEngine_BashRunsTheImageStartThenPrintsTheMarkers()
    {
        var words = ShellWords.Split(MariaDbRecovery.RecoverCommand);

        words.Should().HaveCount(3);
        words.Take(2).Should().Equal("bash", "-c");
        words[2].Should().Contain("kolla_start;").And.Contain("\"Recovered position\"").And.Contain("cat /var/lib/mysql/grastate.dat")
            .And.EndWith("echo \"== kolla: end ==\"");
    }

    [Fact]
    public void BootstrapCommand_SplitForTheEngine_SetsSafeToBootstrapThenExecsTheImageStart()
    {
        var words = ShellWords.Split(MariaDbRecovery.BootstrapCommand);

        words.Take(2).Should().Equal("bash", "-c");
        words[2].Should().Contain("s/^safe_to_bootstrap:.*$/safe_to_bootstrap: 1/").And.Contain("echo \"safe_to_bootstrap: 1\" >> \"$f\"")
            .And.EndWith("; exec kolla_start");
    }
}
