using System.Diagnostics;
using System.Text;
using Kolla.Images;

namespace Kolla.Tests.Images;

/// <summary>The Open vSwitch images and the OVS agent's against what the catalogue's openvswitch and neutron containers run.</summary>
public class OpenvswitchImagesTests
{
    private static readonly ImageTree Tree = ImageTreeLoader.LoadEmbedded();

    private static readonly ImageBuildSettings Settings = new() { Tag = "t1", BaseImage = "kolla/debian-rootfs:bookworm" };

    private static RenderedImage Render(string name) => new ImageRenderer(Tree, Settings).Render(name);

    private static string ContextText(RenderedImage image, string path) =>
        Encoding.UTF8.GetString(image.Files.Single(f => f.Path == path).Content.Span);

    private static string Catalogue(string path)
    {
        using var stream = typeof(ImageTreeLoader).Assembly.GetManifestResourceStream("Kolla.Catalogue/" + path)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The commands of the catalogue's openvswitch containers (their config.json "command").</summary>
    private static List<string> OpenvswitchCommands() =>
        [.. Catalogue("openvswitch/service.yml").Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("command: ", StringComparison.Ordinal))
            .Select(l => l["command: ".Length..].Trim('"'))];

    [Fact]
    public void OpenvswitchBase_CreatesTheOpenvswitchAccountWithKollasIdsBeforeThePackage()
    {
        var ids = KollaUsers.Default["openvswitch"];
        var dockerfile = Render("openvswitch-base").Dockerfile;
        var account = dockerfile.IndexOf($"useradd --no-log-init --uid {ids.Uid} --gid {ids.Gid} --groups kolla", StringComparison.Ordinal);

        dockerfile.Should().Contain($"groupadd --gid {ids.Gid} openvswitch");
        account.Should().BeGreaterThan(0);
        account.Should().BeLessThan(dockerfile.IndexOf("apt-get install", StringComparison.Ordinal));
        dockerfile.Should().Contain("openvswitch-switch");
    }

    [Fact]
    public void The_catalogues_openvswitch_commands_run_the_wrapper_the_base_image_installs()
    {
        var commands = OpenvswitchCommands();
        var image = Render("openvswitch-base");

        commands.Should().HaveCount(2);
        commands.Should().AllSatisfy(c => c.Should().StartWith("ovs_wrapper "));
        image.HasFile("ovs_wrapper").Should().BeTrue();
        image.CopiesFromContext("ovs_wrapper").Should().BeTrue();
        image.Dockerfile.Should().Contain("/usr/local/bin/ovs_wrapper");
        Render("openvswitch-db-server").Parent.Should().Be("openvswitch-base");
        Render("openvswitch-vswitchd").Parent.Should().Be("openvswitch-base");
    }

    [Fact]
    public void OpenvswitchDbServer_CreatesTheDatabaseTheCataloguesCommandOpens()
    {
        // The catalogue mounts the openvswitch_db volume on /var/lib/openvswitch and starts ovsdb-server on conf.db
        // there; an empty volume on the first start needs the database created from the package's schema.
        var database = OpenvswitchCommands().Single(c => c.StartsWith("ovs_wrapper ovsdb-server ", StringComparison.Ordinal))
            .Split(' ')[2];
        var hook = ContextText(Render("openvswitch-db-server"), "extend_start.sh");

        database.Should().Be("/var/lib/openvswitch/conf.db");
        Catalogue("openvswitch/service.yml").Should().Contain("\"openvswitch_db:/var/lib/openvswitch/\"");
        hook.Should().Contain($"ovs_db={database}")
            .And.Contain("ovsdb-tool create \"${ovs_db}\" \"${ovs_schema}\"")
            .And.Contain("ovsdb-tool convert \"${ovs_db}\" \"${ovs_schema}\"");
    }

    [Fact]
    public async Task OvsWrapper_PassesOnTheDaemonsExitStatus()
    {
        var (status, _) = await RunWrapperAsync(["sh", "-c", "exit 3"], signalAfter: null);

        status.Should().Be(3);
    }

    [Fact]
    public async Task OvsWrapper_StopsTheDaemonWhenTheContainerIsStopped()
    {
        // No ovs-appctl answers for `sleep`: the wrapper falls back to passing SIGTERM on, and exits when the daemon has.
        var (status, elapsed) = await RunWrapperAsync(["sleep", "60"], signalAfter: TimeSpan.FromMilliseconds(500));

        status.Should().Be(128 + 15);
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20));
    }

    private static async Task<(int Status, TimeSpan Elapsed)> RunWrapperAsync(string[] daemon, TimeSpan? signalAfter)
    {
        using var dir = new TempDirectory();
        var wrapper = Path.Combine(dir.Path, "ovs_wrapper");
        await File.WriteAllTextAsync(wrapper, ContextText(Render("openvswitch-base"), "ovs_wrapper"), TestContext.Current.CancellationToken);
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(wrapper);
        foreach (var arg in daemon)
        {
            start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        if (signalAfter is { } delay)
        {
            await Task.Delay(delay, TestContext.Current.CancellationToken);
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, clock.Elapsed);
    }

    [Fact]
    public void OpenvswitchAgent_ShipsIptablesForTheFirewallDriverTheCatalogueConfigures()
    {
        // The catalogue's openvswitch_agent.ini picks the hybrid iptables driver, which reads the raw table at start.
        Catalogue("neutron/templates/openvswitch_agent.ini.j2").Should()
            .Contain("firewall_driver = neutron.agent.linux.iptables_firewall.OVSHybridIptablesFirewallDriver");
        var install = Render("neutron-openvswitch-agent").Dockerfile.Split('\n')
            .Single(l => l.Contains("apt-get install", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);

        install.Should().Contain(["iptables", "openvswitch-switch", "python3-openvswitch"]);
    }
}
