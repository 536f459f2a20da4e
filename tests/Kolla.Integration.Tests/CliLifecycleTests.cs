using Kolla.TestKit;
using Kolla.Tests.Rig;

namespace Kolla.Tests;

/// <summary><c>kolla check</c>, <c>plan</c> and <c>deploy</c> in-process on the test catalogue and the assembly's Docker engine.</summary>
public sealed class CliLifecycleTests(DockerEngineFixture engine) : ConvergeTestBase(engine)
{
    [Fact]
    public async Task Check_ExitsTwoOnDrift_DeployConverges_ThenCheckAndPlanExitZero()
    {
        var deployment = NewDeployment();

        var drift = await KollaCli.RunAsync(deployment.CliArguments("check", "--json"), Token);

        drift.Code.Should().Be(2, drift.Error);
        drift.Error.Should().BeEmpty();
        var planned = KollaCli.JsonLines(drift.Out);
        planned.Should().OnlyContain(e => e.Text("event") == "PlannedChange" && e.Text("host") == "node1");
        planned.Select(e => e.Text("change")).Should().Contain(["RunBootstrap", "CreateContainer", "WriteFile", "CreateVolume"]);
        planned.Where(e => e.Text("change") == "CreateContainer").Select(e => e.Text("container")).Should().BeEquivalentTo(TestCatalogue.Containers.Select(deployment.ContainerName));

        var deploy = await KollaCli.RunAsync(deployment.CliArguments("deploy", "--json"), Token);

        deploy.Code.Should().Be(0, deploy.Out + deploy.Error);
        deploy.Error.Should().BeEmpty();
        var events = KollaCli.JsonLines(deploy.Out);
        events.Select(e => e.Text("event")).Distinct().Should().Contain(["HostReady", "ServiceStarted", "ChangeApplied", "Recap"]);
        var recap = events.Single(e => e.Text("event") == "Recap");
        recap.GetProperty("failed").GetInt32().Should().Be(0);
        recap.GetProperty("changed").GetInt32().Should().BeGreaterThan(TestCatalogue.Containers.Count);

        var converged = await KollaCli.RunAsync(deployment.CliArguments("check", "--json"), Token);
        converged.Code.Should().Be(0, converged.Out + converged.Error);
        converged.Out.Should().BeEmpty("no change is pending");
        var plan = await KollaCli.RunAsync(deployment.CliArguments("plan", "--detailed-exitcode"), Token);
        plan.Code.Should().Be(0, plan.Out + plan.Error);
        plan.Out.Should().Contain("No changes: every host matches the plan.");

        deployment.SetGlobal("kt_greeting", "bonjour");
        deployment.SetGlobal("ktworker_threads", "16");
        var changed = await KollaCli.RunAsync(deployment.CliArguments("plan", "--detailed-exitcode", "--diff"), Token);

        changed.Code.Should().Be(2, changed.Out + changed.Error);
        changed.Out.Should().Contain($"update {deployment.ConfigPath("node1", "ktapi", "ktapi.conf")}")
            .And.Contain("-greeting = hello").And.Contain("+greeting = bonjour").And.Contain("+threads = 16")
            .And.Contain($"restart container {deployment.ContainerName("ktapi")} (its configuration changed)  [disruptive]")
            .And.Contain($"config of {deployment.ContainerName("ktlibvirt")} changed; NOT restarting it")
            .And.Contain("connection = ktdb://ktapi:***@127.0.0.1/ktapi", "the diff context shows the password line, masked");
        changed.Out.Should().NotContain(deployment.Password);
        var json = KollaCli.JsonLines((await KollaCli.RunAsync(deployment.CliArguments("check", "--json"), Token)).Out);
        json.Where(e => e.Text("change") == "RestartContainer").Select(e => e.Text("container"))
            .Should().BeEquivalentTo(new[] { "ktdb", "ktapi", "ktworker", "ktweb" }.Select(deployment.ContainerName));
        json.Should().Contain(e => e.Text("change") == "HeldRestart" && e.Text("container") == deployment.ContainerName("ktlibvirt"));
    }

    [Fact]
    public async Task Deploy_UpstreamAllInOneInventoryUnchanged_AddressesAndWorkersComeFromTheLocalHostsFacts()
    {
        var deployment = NewDeployment();
        deployment.SetGlobal("network_interface", "lo");
        deployment.WriteOverride("ktapi.conf", "[DEFAULT]\nbind = {{ api_interface_address }}\nworkers = {{ openstack_service_workers }}\nnode = {{ ansible_facts.hostname }}\n");
        // kolla-ansible's own all-in-one inventory as it ships (no address, no engine setting), plus a second inventory
        // that only puts the test services' group on its control hosts.
        var upstream = Path.Combine(TestRig.SharedDirectory, "vectors", "kolla-ansible-inputs", "all-in-one");
        var groups = Path.Combine(deployment.Root, "kt-groups");
        await File.WriteAllTextAsync(groups, "[control]\n\n[kt:children]\ncontrol\n", Token);
        string[] args =
        [
            "deploy", "-i", upstream, "-i", groups, "--configdir", deployment.ConfigDirectory, "--catalogue", deployment.CatalogueDirectory,
            "--tags", string.Join(',', TestCatalogue.Services), "--executor", "docker",
            "-e", $"kolla_docker_host={Engine.DockerHost}", "-e", $"node_config_directory={deployment.NodeDirectory("localhost")}",
        ];

        var deploy = await KollaCli.RunAsync(args, Token);

        deploy.Code.Should().Be(0, deploy.Out + deploy.Error);
        var conf = await File.ReadAllTextAsync(deployment.ConfigPath("localhost", "ktapi", "ktapi.conf"), Token);
        var facts = await Kolla.Facts.LocalHostFacts.ReadAsync("localhost", Token);
        conf.Should().Contain("bind = 127.0.0.1\n", "lo's address, from the facts, with no address in the inventory")
            .And.Contain($"workers = {Math.Min(facts.ProcessorVcpus!.Value, 5)}\n")
            .And.Contain($"node = {facts.Hostname}\n");
        var rerun = await KollaCli.RunAsync(args, Token);
        rerun.Code.Should().Be(0, rerun.Out + rerun.Error);
        rerun.Out.Should().Contain("changed=0", "a second deploy changes nothing");
    }

    [Fact]
    public async Task Deploy_BootstrapFailure_ExitsOne_WithOneErrorLine_AndMaskedLogTail()
    {
        var deployment = NewDeployment();
        deployment.SetGlobal("ktdb_bootstrap_exit", "7");

        var (code, output, error) = await KollaCli.RunAsync(deployment.CliArguments("deploy", "--json"), Token);

        code.Should().Be(1);
        error.Should().Be($"error: node1: {deployment.Prefix}bootstrap_ktdb: one-shot job exited with code 7; last output: (details in the output above)\n");
        var failed = KollaCli.JsonLines(output).Single(e => e.Text("event") == "HostFailed");
        failed.Text("message").Should().Contain("initialising ktdb on node1").And.Contain("password = ***");
        output.Should().NotContain(deployment.Password, "the one-shot printed its config, and secrets are masked in every line");
    }

    [Fact]
    public async Task DeployAndCheck_EngineUnreachable_ExitOne_WithOneErrorLine()
    {
        var socket = $"unix:///tmp/kt-no-engine-{Guid.NewGuid():N}/docker.sock";
        var deployment = NewDeployment(socket);

        var deploy = await KollaCli.RunAsync(deployment.CliArguments("deploy"), Token);
        var check = await KollaCli.RunAsync(deployment.CliArguments("check"), Token);

        deploy.Code.Should().Be(1);
        deploy.Error.Should().StartWith($"error: node1: Docker engine at {socket} is not reachable").And.EndWith("\n");
        deploy.Error.TrimEnd('\n').Should().NotContain("\n", "one line").And.NotContain("   at ", "no stack trace");
        deploy.Out.Should().Contain("PLAY RECAP").And.Contain("failed=1");
        check.Code.Should().Be(1);
        check.Error.Should().Be(deploy.Error);
    }
}
