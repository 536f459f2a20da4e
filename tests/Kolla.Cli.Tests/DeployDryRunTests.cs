using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using Kolla.Cli;
using Kolla.Passwords;
using Kolla.Planning;
using Kolla.TestKit;

namespace Kolla.Tests;

/// <summary>
/// <c>kolla deploy --executor dry-run --diff</c> on the shipped samples: the whole plan is printed, nothing is contacted
/// (every host's SSH address and Docker endpoint point at listeners that count connections), and no secret from the
/// generated passwords.yml appears.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class DeployDryRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kolla-dry-run-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("all-in-one")]
    [InlineData("multinode")]
    public async Task DryRun_PrintsTheCompletePlan_ConnectsNowhere_AndShowsNoSecret(string sample)
    {
        var token = TestContext.Current.CancellationToken;
        var run = await DeployDryRunAsync(sample, "--diff");

        run.Code.Should().Be(0, run.Error);
        run.Error.Should().BeEmpty();
        run.Untouched();
        var (config, inventory, extraVars, text) = (run.Config, run.Inventory, run.ExtraVars, run.Output);
        var passwords = await PasswordStore.LoadAsync(Path.Combine(config, "passwords.yml"), token);
        var secrets = Strings(passwords.Values).Where(s => s.Length >= 8).ToList();
        secrets.Should().HaveCountGreaterThan(50, "genpwd filled the passwords file");
        secrets.Where(s => text.Contains(s, StringComparison.Ordinal)).Should().BeEmpty("no password appears in the plan");
        text.Should().Contain("***", "secrets in rendered files are masked, not dropped");

        var inputs = await DeploymentInputsLoader.LoadAsync(new DeploymentInputsOptions { Inventories = [inventory], ConfigDirectory = config, ExtraVars = extraVars.Where((_, i) => i % 2 == 1).ToArray() }, token);
        // Which containers, files and jobs a host gets does not depend on its facts, only their contents do.
        inputs = inputs.WithTestFacts();
        var plan = DeploymentPlanner.Plan(inputs);
        var sections = Sections(text);
        sections.Keys.Should().BeEquivalentTo(plan.Hosts.Select(h => h.Host));
        // A new Galera cluster of several members starts from its first host (multinode); a single one is just created.
        var galera = plan.Hosts.Where(h => h.Containers.Any(c => c.GaleraCluster)).Select(h => h.Host).ToList();
        foreach (var host in plan.Hosts)
        {
            var section = sections[host.Host];
            foreach (var container in host.Containers)
            {
                if (container.GaleraCluster && galera.Count > 1 && galera[0] == host.Host)
                {
                    var joiners = string.Join(", ", galera.Skip(1));
                    section.Should().Contain($"+ bootstrap galera cluster: create container {container.Spec.Name} with --wsrep-new-cluster, then {joiners} join one at a time\n")
                        .And.Contain($"+ recreate container {container.Spec.Name} without --wsrep-new-cluster once {joiners} joined (it rejoins the cluster as a member)\n");
                }
                else
                {
                    section.Should().Contain($"+ create container {container.Spec.Name}\n", $"{host.Host} creates {container.Spec.Name}");
                }

                foreach (var file in container.Files)
                {
                    section.Should().Contain($"+ create {file.Path}\n");
                }

                foreach (var job in container.Bootstraps)
                {
                    section.Should().Contain($"+ run one-shot {job.Spec.Name}\n");
                }
            }
        }

        text.Should().Contain($"deploy (dry run): {plan.Hosts.Count} host(s), {plan.Hosts.Sum(h => h.Containers.Count)} container(s); nothing is changed");
    }

    [Fact]
    public async Task DryRun_LimitLeavesOutAGaleraMember_NoneInItHasTheCluster_RefusesNamingTheHostsAndTheWayOut()
    {
        // multinode's mariadb group is control01-03; the dry-run hosts start empty, so neither limited member has the cluster.
        var run = await DeployDryRunAsync("multinode", "--limit", "control01,control02");

        run.Code.Should().Be(1, run.Output);
        run.Error.Should().Be(
            "error: mariadb: --limit leaves out control03, where it runs too, and none of the hosts in the limit (control01, control02) has the "
            + "container or its data volume: this run would bootstrap a new Galera cluster while control03 may already run one. Nothing was changed; "
            + "deploy without --limit, or include control03 in it.\n");
        run.Output.Should().NotContain("bootstrap galera cluster").And.NotContain("== control01");
        run.Untouched();
    }

    /// <summary>
    /// Runs <c>kolla deploy --executor dry-run</c> with <paramref name="arguments"/> on a copy of a shipped sample whose hosts'
    /// SSH address and Docker endpoint point at listeners that count connections, with a fresh passwords.yml.
    /// </summary>
    private async Task<DryRun> DeployDryRunAsync(string sample, params string[] arguments)
    {
        var token = TestContext.Current.CancellationToken;
        var config = Path.Combine(_dir, sample);
        DirectoryTrees.Copy(Path.Combine(TestRig.RepositoryRoot, "samples", sample), config);
        using var ssh = new TcpListener(IPAddress.Loopback, 0);
        ssh.Start();
        var dockerSocket = Path.Combine(_dir, "docker.sock");
        using var docker = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        docker.Bind(new UnixDomainSocketEndPoint(dockerSocket));
        docker.Listen();
        string[] extraVars =
        [
            "-e", "ansible_host=127.0.0.1",
            "-e", $"ansible_port={((IPEndPoint)ssh.LocalEndpoint).Port}",
            "-e", $"kolla_docker_host=unix://{dockerSocket}",
            "-e", $"node_config_directory={Path.Combine(_dir, "node")}",
        ];
        var inventory = Path.Combine(config, "inventory");
        await WritePasswordsAsync(Path.Combine(config, "passwords.yml"), token);

        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var code = await KollaApp.RunAsync(
            ["deploy", .. arguments, "-i", inventory, "--configdir", config, "--executor", "dry-run", .. extraVars],
            new CliConsole(output, error, IsInteractive: false),
            token);
        return new DryRun(code, output.ToString(), error.ToString(), config, inventory, extraVars, ssh.Pending(), docker.Poll(0, SelectMode.SelectRead), Path.Combine(_dir, "node"));
    }

    /// <summary>What a dry run printed and whether it contacted or wrote anything.</summary>
    private sealed record DryRun(int Code, string Output, string Error, string Config, string Inventory, string[] ExtraVars, bool SshContacted, bool DockerContacted, string NodeDirectory)
    {
        public void Untouched()
        {
            SshContacted.Should().BeFalse("no SSH connection is attempted");
            DockerContacted.Should().BeFalse("no Docker engine is contacted");
            Directory.Exists(NodeDirectory).Should().BeFalse("nothing is written on any host");
        }
    }

    /// <summary>passwords.yml as <c>kolla genpwd</c> fills it, with small pre-set SSH keys so the test stays fast.</summary>
    private static async Task WritePasswordsAsync(string path, CancellationToken cancellationToken)
    {
        var pair = new PasswordGenerator { SshKeyBits = 1024 }.GenerateSshKeyPair();
        var store = PasswordStore.FromKeys(PasswordCatalog.BuiltInKeys);
        foreach (var key in PasswordCatalog.SshKeys)
        {
            store = store.With(key, new Dictionary<string, object?> { ["private_key"] = pair.PrivateKey.Reveal(), ["public_key"] = pair.PublicKey });
        }

        await File.WriteAllTextAsync(path, store.ToYaml(), cancellationToken);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        using var output = new StringWriter();
        using var error = new StringWriter();
        (await KollaApp.RunAsync(["genpwd", "--passwords", path], new CliConsole(output, error, IsInteractive: false), cancellationToken)).Should().Be(0, error.ToString());
    }

    private static Dictionary<string, string> Sections(string text)
    {
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        string? host = null;
        var lines = new List<string>();
        foreach (var line in text.Split('\n').Append("== end"))
        {
            if (line.StartsWith("== ", StringComparison.Ordinal))
            {
                if (host is not null)
                {
                    sections[host] = string.Join('\n', lines) + "\n";
                }

                host = line[3..].Split(' ')[0];
                lines.Clear();
            }
            else
            {
                lines.Add(line.TrimStart());
            }
        }

        sections.Remove("end");
        return sections;
    }

    private static IEnumerable<string> Strings(object? value) => value switch
    {
        string s => [s],
        IEnumerable<KeyValuePair<string, object?>> map => map.SelectMany(p => Strings(p.Value)),
        IEnumerable<object?> list => list.SelectMany(Strings),
        _ => [],
    };
}
