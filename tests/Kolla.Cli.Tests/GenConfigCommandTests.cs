using System.Text.Json;
using Kolla.Cli;
using Kolla.TestKit;

namespace Kolla.Tests;

/// <summary><c>kolla genconfig -o</c> on the shipped samples (copied to a temporary directory so nothing in the repository changes), run in-process.</summary>
public sealed class GenConfigCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kolla-cli-genconfig-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static string RepoRoot { get; } = FindRoot();

    private static string GoldenRoot => Path.Combine(RepoRoot, "tests", "Kolla.Core.Tests", "Golden", "genconfig");

    private static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exit = await KollaApp.RunAsync(args, new CliConsole(stdout, stderr, IsInteractive: false), TestContext.Current.CancellationToken);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Copies samples/&lt;name&gt; (without any passwords.yml a previous run left there) and returns the copy.</summary>
    private string CopySample(string name)
    {
        var from = Path.Combine(RepoRoot, "samples", name);
        var to = Path.Combine(_dir.FullName, name);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative is "passwords.yml" || relative.StartsWith("out" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return to;
    }

    /// <summary>genconfig arguments for a sample copy, with the fixed golden passwords (generating RSA keys is slow).</summary>
    private static string[] GenConfig(string config, string output, params string[] extra) =>
        ["genconfig", "-i", Path.Combine(config, "inventory"), "--configdir", config, "--passwords", Path.Combine(GoldenRoot, "passwords.yml"), "-o", output, "--facts-cache", PinnedFacts(config), .. extra];

    /// <summary>The facts the golden trees were made with (<see cref="TestFacts"/>: each host's own name, 8 vCPUs, 5120 MB), as an Ansible fact cache.</summary>
    private static string PinnedFacts(string config)
    {
        var directory = Path.Combine(config, "pinned-facts");
        if (!Directory.Exists(directory))
        {
            var local = TestFacts.For("localhost", "127.0.0.1", nic: "lo");
            var remote = Enumerable.Range(0, 9).SelectMany(i => new[] { ($"control0{i}", $"10.0.0.1{i}"), ($"network0{i}", $"10.0.0.2{i}"), ($"compute0{i}", $"10.0.0.3{i}") })
                .Select(h => TestFacts.For(h.Item1, h.Item2));
            TestFacts.WriteCache(directory, [local, .. remote]);
        }

        return directory;
    }

    private static SortedDictionary<string, byte[]> ReadTree(string root) =>
        new(
            Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith(".received", StringComparison.Ordinal))
                .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes),
            StringComparer.Ordinal);

    /// <summary>The out-of-the-box run (passwords.yml created on the fly). Once: generating the RSA key pairs takes seconds.</summary>
    [Fact]
    public async Task Genconfig_OnASampleGeneratesPasswordsAndWritesEveryHostsTree()
    {
        const string sample = "multinode";
        const int hosts = 9;
        var config = CopySample(sample);
        var output = Path.Combine(_dir.FullName, "out");

        var (exit, stdout, stderr) = await RunAsync("genconfig", "-i", Path.Combine(config, "inventory"), "--configdir", config, "-o", output);

        exit.Should().Be(0, stderr);
        stderr.Should().BeEmpty();
        var tree = ReadTree(output);
        stdout.Should().Be($"genconfig: wrote {tree.Count} file(s) for {hosts} host(s) under {output}\n");
        File.Exists(Path.Combine(config, "passwords.yml")).Should().BeTrue("genconfig creates passwords.yml when it is missing");
        var golden = ReadTree(Path.Combine(GoldenRoot, sample));
        tree.Keys.Should().Equal(golden.Keys, "the same files as the golden tree (contents differ: the passwords are new)");
        foreach (var (path, bytes) in tree.Where(f => f.Key.EndsWith("/config.json", StringComparison.Ordinal)))
        {
            using var json = JsonDocument.Parse(bytes);
            json.RootElement.GetProperty("command").GetString().Should().NotBeNullOrWhiteSpace(path);
        }

        var passwords = await File.ReadAllTextAsync(Path.Combine(config, "passwords.yml"), TestContext.Current.CancellationToken);
        var keystoneConf = tree.Keys.First(k => k.EndsWith("/keystone/keystone.conf", StringComparison.Ordinal));
        var rendered = System.Text.Encoding.UTF8.GetString(tree[keystoneConf]);
        var keystoneDatabasePassword = passwords.Split('\n').Single(l => l.StartsWith("keystone_database_password: ", StringComparison.Ordinal))["keystone_database_password: ".Length..];
        rendered.Should().Contain(keystoneDatabasePassword, "the generated passwords are the ones used");
    }

    [Theory]
    [InlineData("all-in-one")]
    [InlineData("multinode")]
    public async Task Genconfig_WithTheGoldenPasswordsWritesTheGoldenTree(string sample)
    {
        var config = CopySample(sample);
        var output = Path.Combine(_dir.FullName, "out");

        var (exit, _, stderr) = await RunAsync(GenConfig(config, output));

        exit.Should().Be(0, stderr);
        var tree = ReadTree(output);
        var golden = ReadTree(Path.Combine(GoldenRoot, sample));
        tree.Keys.Should().Equal(golden.Keys);
        tree.Where(f => !f.Value.AsSpan().SequenceEqual(golden[f.Key])).Select(f => f.Key).Should().BeEmpty("the CLI writes what the planner plans (see GenConfigGoldenTests for diffs)");
        File.Exists(Path.Combine(config, "passwords.yml")).Should().BeFalse("--passwords names an existing file, so nothing is generated");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(output, tree.Keys.First(k => k.EndsWith("/config.json", StringComparison.Ordinal))))
                .Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite);
        }
    }

    [Fact]
    public async Task Rerunning_RemovesFilesNoLongerGeneratedAndReplacesLeftTemporaryFiles()
    {
        var config = CopySample("multinode");
        var output = Path.Combine(_dir.FullName, "out");
        var args = GenConfig(config, output);
        (await RunAsync(args)).Exit.Should().Be(0);
        var stale = Path.Combine(output, "control01", "nova-api", "old-nova.conf");
        await File.WriteAllTextAsync(stale, "[DEFAULT]\n", TestContext.Current.CancellationToken);
        var first = ReadTree(output);
        // What an interrupted run leaves: a temporary file where a generated one is written (created new, so removed first).
        await File.WriteAllTextAsync(Path.Combine(output, "control01", "nova-api", "nova.conf.kolla-tmp"), "partial", TestContext.Current.CancellationToken);

        (await RunAsync(args)).Exit.Should().Be(0);

        File.Exists(stale).Should().BeFalse();
        ReadTree(output).Should().BeEquivalentTo(first.Where(f => f.Key != "control01/nova-api/old-nova.conf"));
        Directory.EnumerateFiles(output, "*.kolla-tmp", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Fact]
    public async Task Limit_AndTagsSelectHostsAndServices()
    {
        var config = CopySample("multinode");
        var output = Path.Combine(_dir.FullName, "out");

        var (exit, stdout, stderr) = await RunAsync(GenConfig(config, output, "--limit", "compute", "--tags", "nova,openvswitch"));

        exit.Should().Be(0, stderr);
        stdout.Should().Contain("for 3 host(s)");
        Directory.GetDirectories(output).Select(Path.GetFileName).Should().BeEquivalentTo(["compute01", "compute02", "compute03"]);
        Directory.GetDirectories(Path.Combine(output, "compute01")).Select(Path.GetFileName).Should()
            .BeEquivalentTo(["nova-compute", "nova-libvirt", "nova-ssh", "openvswitch-db-server", "openvswitch-vswitchd"]);
    }

    [Fact]
    public async Task Extra_VarsFileGivenAsAtPathIsReadLikeAnsibleAndBeatsTheDerivedAddress()
    {
        var config = CopySample("all-in-one");
        var output = Path.Combine(_dir.FullName, "out");
        var vars = Path.Combine(_dir.FullName, "extra.yml");
        await File.WriteAllTextAsync(vars, "---\napi_interface_address: 10.77.0.2\nmemcached_port: 11999\n", TestContext.Current.CancellationToken);

        var (exit, _, stderr) = await RunAsync(GenConfig(config, output, "--tags", "keystone", "-e", "@" + vars));

        exit.Should().Be(0, stderr);
        var host = Directory.GetDirectories(output).Single();
        var uwsgi = await File.ReadAllTextAsync(Path.Combine(host, "keystone", "keystone-uwsgi.ini"), TestContext.Current.CancellationToken);
        uwsgi.Should().Contain("http = 10.77.0.2:5000", "-e @FILE is Ansible's extra-vars file, not a response file, and its address beats the one derived from facts");
        var keystoneConf = await File.ReadAllTextAsync(Path.Combine(host, "keystone", "keystone.conf"), TestContext.Current.CancellationToken);
        keystoneConf.Should().Contain("memcache_servers = 127.0.0.1:11999", "as upstream, other hosts' addresses come from their facts ('api' | kolla_address(host)), not from api_interface_address");
    }

    [Fact]
    public async Task Unknown_TagFailsWithOneLine()
    {
        var config = CopySample("multinode");
        var output = Path.Combine(_dir.FullName, "out");

        var (exit, stdout, stderr) = await RunAsync(GenConfig(config, output, "--tags", "nvoa"));

        exit.Should().Be(1);
        stdout.Should().BeEmpty();
        stderr.TrimEnd('\n').Should().NotContain("\n").And.Contain("unknown service 'nvoa'");
        Directory.Exists(output).Should().BeFalse();
    }

    [Fact]
    public async Task Missing_InventoryFailsWithOneLineNamingIt()
    {
        var config = CopySample("multinode");
        var output = Path.Combine(_dir.FullName, "out");
        var missing = Path.Combine(_dir.FullName, "no-such-inventory");

        var (exit, stdout, stderr) = await RunAsync("genconfig", "-i", missing, "--configdir", config, "-o", output);

        exit.Should().Be(1);
        stdout.Should().BeEmpty();
        stderr.Should().EndWith("\n");
        stderr.TrimEnd('\n').Should().NotContain("\n", "one line, no stack trace").And.Contain(missing).And.NotContain("   at ");
        Directory.Exists(output).Should().BeFalse("nothing is written when the inputs are bad");
    }

    [Fact]
    public async Task Template_ErrorFailsWithOneLineNamingHostContainerFileAndLine()
    {
        var config = CopySample("multinode");
        var output = Path.Combine(_dir.FullName, "out");
        var catalogue = Path.Combine(_dir.FullName, "catalogue");
        Directory.CreateDirectory(Path.Combine(catalogue, "horizon", "templates"));
        await File.WriteAllTextAsync(
            Path.Combine(catalogue, "horizon", "templates", "horizon-uwsgi.ini.j2"), "[uwsgi]\n\nhttp = {{ horizon_listen_addres }}\n", TestContext.Current.CancellationToken);

        var (exit, _, stderr) = await RunAsync(GenConfig(config, output, "--catalogue", catalogue));

        exit.Should().Be(1);
        stderr.TrimEnd('\n').Should().NotContain("\n")
            .And.StartWith("error: control01: horizon: horizon-uwsgi.ini: ")
            .And.Contain("horizon-uwsgi.ini.j2:3:")
            .And.Contain("horizon_listen_addres");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kolla.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Kolla.sln not found");
    }
}
