namespace Kolla.Tests.Lifecycle;

/// <summary>
/// <c>kolla bootstrap-servers</c> without a host to change: the dry-run executor plans for a fresh Debian host (it runs
/// no commands, so it reads nothing and touches nothing), refuses to apply, and an inventory without the
/// <c>baremetal</c> group is an error. The run against real hosts is in the integration tests.
/// </summary>
public sealed class BootstrapServersCommandTests(SampleConfig sample) : IClassFixture<SampleConfig>
{
    private string[] Args(string inventory, params string[] more)
    {
        var path = Path.Combine(sample.Directory, "bootstrap-inventory-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, inventory);
        return ["bootstrap-servers", "-i", path, "--configdir", sample.Directory, "--executor", "dry-run", "--allow-unimplemented", .. more];
    }

    [Fact]
    public async Task DryRun_DryRunExecutor_PlansAFreshDebianHostAndSaysSo()
    {
        var (code, output, error) = await CliRun.RunAsync(Args("[baremetal]\nnode1 ansible_host=192.0.2.10\n", "--dry-run"));

        code.Should().Be(0, error);
        output.Should().Contain("bootstrap-servers (dry run): nothing is changed")
            .And.Contain("== node1 (")
            .And.Contain("+ install git iputils-ping tzdata\n")
            .And.Contain("+ install docker.io apparmor (docker.service masked meanwhile)")
            .And.Contain("+++ /etc/docker/daemon.json")
            .And.Contain("note: this executor runs no commands on the host: the plan is for a fresh Debian host")
            .And.NotContain("create user kolla", "create_kolla_user is false unless set, as upstream");
    }

    [Fact]
    public async Task Run_DryRunExecutor_FailsTheHostNamingTheExecutorToUse()
    {
        var (code, output, _) = await CliRun.RunAsync(Args("[baremetal]\nnode1 ansible_host=192.0.2.10\n"));

        code.Should().Be(1);
        output.Should().Contain("failed: node1: this executor cannot run commands on the host; bootstrap-servers needs the ssh executor");
    }

    [Fact]
    public async Task Run_InventoryWithoutBaremetalGroup_IsAnError()
    {
        var (code, _, error) = await CliRun.RunAsync(Args("[control]\nnode1 ansible_host=192.0.2.10\n", "--dry-run"));

        code.Should().Be(1);
        error.Should().Contain("error: the inventory has no 'baremetal' group: bootstrap-servers prepares the hosts of that group");
    }
}
