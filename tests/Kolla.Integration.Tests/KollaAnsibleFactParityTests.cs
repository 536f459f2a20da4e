using System.Text.Json;
using System.Text.RegularExpressions;
using Kolla.TestKit;
using Kolla.Tests.Rig;

namespace Kolla.Tests;

/// <summary>
/// Every value kolla-ansible derives from host facts (worker counts, the InnoDB buffer pool, node names, bind
/// addresses) is what the real kolla-ansible writes on the same inputs and the same facts: its own genconfig runs
/// through <c>../shared/tools/kolla-ansible-oracle</c> on upstream's unchanged all-in-one inventory with pinned facts,
/// and our genconfig reads the fact cache the oracle wrote (an Ansible <c>jsonfile</c> cache, read as it is).
/// </summary>
public sealed partial class KollaAnsibleFactParityTests : IDisposable
{
    // INI/env keys whose values upstream derives from facts, in the files both sides write.
    private static readonly string[] FactDerivedKeys =
    [
        "wsrep_node_name", "innodb_buffer_pool_size", "bind-address", "wsrep_node_address", "wsrep_sst_receive_address",
        "RABBITMQ_NODENAME", "ERL_EPMD_ADDRESS", "processes", "http", "workers", "api_workers", "rpc_workers",
        "rpc_state_report_workers", "metadata_workers", "my_ip", "bind_host", "memcache_servers", "memcached_servers",
    ];

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kolla-parity-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Fact_derived_values_match_what_kolla_ansible_writes_from_the_same_facts()
    {
        var token = TestContext.Current.CancellationToken;
        var oracle = Path.Combine(TestRig.SharedDirectory, "tools", "kolla-ansible-oracle", "run.sh");
        if (!File.Exists(oracle))
        {
            throw TestRig.Unavailable($"the kolla-ansible oracle ({oracle})");
        }

        // The oracle runs Ansible with the system's Python (Debian's modules), not whatever python3 is first on PATH.
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var modules = await ExternalCommand.RunAsync(python, ["-c", "import jinja2, yaml, netaddr, oslo_config, oslo_utils, jmespath, bcrypt, hvac, cryptography"], cancellationToken: token);
        if (!modules.Succeeded)
        {
            throw TestRig.Unavailable("the oracle's Python modules: apt-get install python3-jinja2 python3-yaml python3-netaddr python3-oslo.config python3-oslo.utils python3-jmespath python3-bcrypt python3-hvac python3-cryptography");
        }

        // The all-in-one sample's globals and overrides, with upstream's own inventory (no addresses in it).
        var config = Path.Combine(_dir.FullName, "config");
        var sample = Path.Combine(TestRig.RepositoryRoot, "samples", "all-in-one");
        Directory.CreateDirectory(config);
        File.Copy(Path.Combine(sample, "globals.yml"), Path.Combine(config, "globals.yml"));
        var inventory = Path.Combine(TestRig.SharedDirectory, "vectors", "kolla-ansible-inputs", "all-in-one");
        var passwords = Path.Combine(config, "passwords.yml");
        (await KollaCli.RunAsync(["genpwd", "--passwords", passwords], token)).Code.Should().Be(0);

        // vCPUs and memory unlike this machine's, so a value read from the machine instead of the facts shows.
        var upstream = Path.Combine(_dir.FullName, "upstream");
        var run = await ExternalCommand.RunAsync(
            "bash",
            [oracle, "--configdir", config, "--output", upstream, "-i", inventory, "--pin-facts", "processor_vcpus=3,memtotal_mb=5000"],
            cancellationToken: token);
        run.EnsureSuccess();

        var facts = Path.Combine(upstream, "_oracle", "facts");
        var ours = Path.Combine(_dir.FullName, "ours");
        var (code, _, error) = await KollaCli.RunAsync(
            ["genconfig", "-i", inventory, "--configdir", config, "--executor", "dry-run", "--facts-cache", facts, "-o", ours], token);
        code.Should().Be(0, error);

        var compared = new List<string>();
        var differences = new List<string>();
        foreach (var theirs in Directory.EnumerateFiles(Path.Combine(upstream, "localhost"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(Path.Combine(upstream, "localhost"), theirs);
            var mine = Path.Combine(ours, "localhost", relative);
            if (!File.Exists(mine) || relative.EndsWith(".json", StringComparison.Ordinal))
            {
                continue;
            }

            var expected = FactDerived(await File.ReadAllTextAsync(theirs, token));
            var actual = FactDerived(await File.ReadAllTextAsync(mine, token));
            foreach (var (key, value) in expected.Where(e => actual.ContainsKey(e.Key)))
            {
                compared.Add($"{relative}: {key} = {value}");
                if (actual[key] != value)
                {
                    differences.Add($"{relative}: {key}: kolla-ansible '{value}', ours '{actual[key]}'");
                }
            }
        }

        differences.Should().BeEmpty();
        compared.Should().HaveCountGreaterThan(15, "the comparison must cover the fact-derived values, not pass on nothing");
        foreach (var key in (string[])["wsrep_node_name", "innodb_buffer_pool_size", "RABBITMQ_NODENAME", "processes", "workers", "rpc_workers", "bind-address"])
        {
            compared.Should().Contain(c => c.Contains($": {key} = ", StringComparison.Ordinal), $"{key} is derived from facts upstream");
        }

        // The pinned facts really drove the values (3 vCPUs, 5000 MB), not this machine's.
        compared.Should().Contain(c => c.EndsWith(": processes = 3", StringComparison.Ordinal));
        compared.Should().Contain(c => c.EndsWith(": innodb_buffer_pool_size = 2000M", StringComparison.Ordinal));
        using var cached = JsonDocument.Parse(await File.ReadAllTextAsync(Directory.GetFiles(facts).Single(f => Path.GetFileName(f).EndsWith("localhost", StringComparison.Ordinal)), token));
        cached.RootElement.ValueKind.Should().Be(JsonValueKind.Object);
    }

    /// <summary>The fact-derived <c>key = value</c> (or <c>KEY=value</c>) lines of a rendered file, by key.</summary>
    private static Dictionary<string, string> FactDerived(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in KeyLine().Matches(text))
        {
            var key = match.Groups["key"].Value;
            if (FactDerivedKeys.Contains(key))
            {
                values.TryAdd(key, match.Groups["value"].Value.Trim().Trim('\'', '"'));
            }
        }

        return values;
    }

    [GeneratedRegex(@"^(?:export\s+)?(?<key>[A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(?<value>.*)$", RegexOptions.Multiline)]
    private static partial Regex KeyLine();
}
