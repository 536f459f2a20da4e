using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
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

    /// <summary>
    /// The argument list oslo.privsep hands to the root helper: privsep-helper, one --config-file per file the agent was
    /// started with, the context and the socket.
    /// </summary>
    private static List<string> PrivsepHelper(IEnumerable<string> configFiles, string context) =>
        ["privsep-helper", .. configFiles.SelectMany(f => new[] { "--config-file", f }),
            "--privsep_context", context, "--privsep_sock_path", "/tmp/tmpq2x9_k1a/privsep.sock"];

    /// <summary>oslo.rootwrap's RegExpFilter: as many patterns as arguments, each anchored at both ends.</summary>
    private static bool RootwrapAllows(string filters, IReadOnlyList<string> argv) =>
        filters.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith('['))
            .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Split(',').Select(p => p.Trim()).ToList())
            .Where(f => f[0] == "RegExpFilter" && f[1] == argv[0])
            .Select(f => f.Skip(3).ToList())
            .Any(patterns => patterns.Count == argv.Count
                && patterns.Zip(argv).All(p => Regex.IsMatch(p.Second, $"^(?:{p.First})$", RegexOptions.None, TimeSpan.FromSeconds(1))));

    [Fact]
    public void OpenvswitchAgent_RootwrapLetsTheAgentStartNeutronsPrivilegedHelper()
    {
        // The catalogue starts the agent with neutron.conf and openvswitch_agent.ini; Debian's filter has room for one file.
        var command = Regex.Match(Catalogue("neutron/templates/neutron-openvswitch-agent.json.j2"), "\"command\": \"([^\"]+)\"").Groups[1].Value;
        var configFiles = Regex.Matches(command, "--config-file (\\S+)").Select(m => m.Groups[1].Value).ToList();
        var image = Render("neutron-openvswitch-agent");
        var filters = ContextText(image, "openvswitch-agent.filters");

        configFiles.Should().HaveCount(2);
        image.Dockerfile.Should().Contain("/etc/neutron/rootwrap.d/openvswitch-agent.filters");
        RootwrapAllows(filters, PrivsepHelper(configFiles, "neutron.privileged.default")).Should().BeTrue();
        RootwrapAllows(filters, PrivsepHelper(configFiles.Take(1), "neutron.privileged.ovs_vsctl_cmd")).Should().BeTrue();
        RootwrapAllows(filters, PrivsepHelper(["/tmp/other.conf", configFiles[1]], "neutron.privileged.default")).Should().BeFalse();
        RootwrapAllows(filters, PrivsepHelper(["/etc/neutron/../shadow", configFiles[1]], "neutron.privileged.default")).Should().BeFalse();
        RootwrapAllows(filters, PrivsepHelper(configFiles, "os_brick.privileged.default")).Should().BeFalse();
    }

    [Theory]
    [InlineData("iptables-save")]
    [InlineData("iptables-restore")]
    [InlineData("ipset")]
    [InlineData("conntrack")]
    [InlineData("ovs-vsctl")]
    public void OpenvswitchAgent_RootwrapAllowsTheCommandsOfTheAgentAndItsFirewall(string command)
    {
        var filters = ContextText(Render("neutron-openvswitch-agent"), "openvswitch-agent.filters");

        filters.Should().MatchRegex($"(?m)^[\\w-]+: CommandFilter, {Regex.Escape(command)}, root$");
    }
}
