using System.Text;
using System.Text.RegularExpressions;

namespace Kolla.Tests.Parity;

/// <summary>
/// Compares two genconfig trees laid out as <c>ROOT/&lt;host&gt;/&lt;container dir&gt;/&lt;file&gt;</c> (kolla-ansible's,
/// from its own genconfig, and ours), file by file and byte for byte, over the container dirs of the catalogue's
/// twelve services. Files of services outside the catalogue (heat's snippets, ...) are out of scope.
/// </summary>
public static partial class ParityTrees
{
    // catalogue service -> container dirs (kolla-ansible roles: common = cron + fluentd + kolla-toolbox,
    // loadbalancer = haproxy + keepalived + proxysql, nova = nova + nova-cell).
    private static readonly (string Service, string[] Dirs)[] s_services =
    [
        ("common", ["cron", "fluentd", "kolla-toolbox"]),
        ("loadbalancer", ["haproxy", "haproxy-ssh", "keepalived", "proxysql"]),
        ("mariadb", ["mariadb", "mariadb-clustercheck"]),
        ("memcached", ["memcached"]),
        ("rabbitmq", ["rabbitmq"]),
        ("keystone", ["keystone", "keystone-fernet", "keystone-ssh"]),
        ("glance", ["glance-api", "glance-tls-proxy"]),
        ("placement", ["placement-api"]),
        ("openvswitch", ["openvswitch-db-server", "openvswitch-vswitchd"]),
        ("nova", ["nova-*"]),
        ("neutron", ["neutron-*"]),
        ("horizon", ["horizon"]),
    ];

    // Per-service snippets other roles drop into the load balancer's dirs, by the snippet's name.
    private static readonly Dictionary<string, string> s_snippetOwners = new(StringComparer.Ordinal)
    {
        ["keystone"] = "keystone",
        ["glance-api"] = "glance",
        ["glance"] = "glance",
        ["placement-api"] = "placement",
        ["placement"] = "placement",
        ["horizon"] = "horizon",
        ["mariadb"] = "mariadb",
        ["rabbitmq"] = "rabbitmq",
        ["memcached"] = "memcached",
        ["nova"] = "nova",
        ["nova-cell"] = "nova",
        ["nova-api"] = "nova",
        ["nova-metadata"] = "nova",
        ["nova-novncproxy"] = "nova",
        ["nova-spicehtml5proxy"] = "nova",
        ["nova-serialproxy"] = "nova",
        ["neutron"] = "neutron",
        ["neutron-server"] = "neutron",
    };

    /// <summary>The catalogue services, in report order.</summary>
    public static IReadOnlyList<string> Services { get; } = s_services.Select(s => s.Service).ToArray();

    /// <summary>The catalogue service a file belongs to, or null when it is out of scope.</summary>
    public static string? ServiceOf(string path)
    {
        var top = path.Split('/')[0];
        var service = s_services.FirstOrDefault(s => s.Dirs.Any(d => d.EndsWith('*') ? top.StartsWith(d[..^1], StringComparison.Ordinal) : top == d)).Service;
        if (service is null)
        {
            return null;
        }

        var snippet = Snippet().Match(path);
        if (snippet.Success)
        {
            return s_snippetOwners.GetValueOrDefault(snippet.Groups["name"].Value);
        }

        return service;
    }

    /// <summary>Compares the trees; returns the identical files and the differences, both in scope only.</summary>
    public static (IReadOnlyList<(string Host, string Path)> Identical, IReadOnlyList<ParityDifference> Differences) Compare(string upstream, string ours)
    {
        var identical = new List<(string, string)>();
        var differences = new List<ParityDifference>();
        var hosts = Hosts(upstream).Union(Hosts(ours)).Order(StringComparer.Ordinal);
        foreach (var host in hosts)
        {
            var theirs = Files(Path.Combine(upstream, host));
            var mine = Files(Path.Combine(ours, host));
            foreach (var path in theirs.Union(mine).Where(p => ServiceOf(p) is not null).Order(StringComparer.Ordinal))
            {
                var inTheirs = theirs.Contains(path);
                var inMine = mine.Contains(path);
                if (inTheirs && inMine)
                {
                    var a = File.ReadAllBytes(Path.Combine(upstream, host, path));
                    var b = File.ReadAllBytes(Path.Combine(ours, host, path));
                    if (a.AsSpan().SequenceEqual(b))
                    {
                        identical.Add((host, path));
                    }
                    else
                    {
                        var changed = Changed(Lines(a), Lines(b));
                        differences.Add(new ParityDifference(host, path, ParityDifferenceKind.Differs, changed, Sample(changed)));
                    }
                }
                else
                {
                    var lines = Lines(File.ReadAllBytes(Path.Combine(inTheirs ? upstream : ours, host, path)));
                    differences.Add(new ParityDifference(host, path, inTheirs ? ParityDifferenceKind.OnlyUpstream : ParityDifferenceKind.OnlyOurs, lines, Sample(lines)));
                }
            }
        }

        return (identical, differences);
    }

    private static IEnumerable<string> Hosts(string root) =>
        Directory.Exists(root)
            ? Directory.EnumerateDirectories(root).Select(Path.GetFileName).Where(n => n is not null && !n.StartsWith('_') && !n.StartsWith('.')).Select(n => n!)
            : [];

    private static HashSet<string> Files(string root) =>
        Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).ToHashSet(StringComparer.Ordinal)
            : [];

    private static string[] Lines(byte[] bytes) => Encoding.UTF8.GetString(bytes).Split('\n');

    /// <summary>Lines on one side and not on the other, as multisets (a moved line counts as unchanged; a changed trailing newline as an empty line).</summary>
    private static IReadOnlyList<string> Changed(string[] upstream, string[] ours)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in upstream)
        {
            counts[line] = counts.GetValueOrDefault(line) + 1;
        }

        foreach (var line in ours)
        {
            counts[line] = counts.GetValueOrDefault(line) - 1;
        }

        var changed = counts.Where(c => c.Value != 0).Select(c => c.Key).ToList();
        if (changed.Count == 0)
        {
            // Same lines in another order: report the first line that moved, so no deviation can pass it as "no change".
            var first = upstream.Zip(ours).First(p => p.First != p.Second);
            changed.Add(first.First);
            changed.Add(first.Second);
        }

        return changed;
    }

    private static string Sample(IReadOnlyList<string> lines) =>
        string.Join(" | ", lines.Take(4).Select(l => l.Length > 100 ? l[..100] + "…" : l)) + (lines.Count > 4 ? $" (+{lines.Count - 4} more)" : "");

    [GeneratedRegex(@"^(haproxy/services\.d/(?<name>[^/]+)\.cfg|proxysql/(rules|users)/(?<name>[^/]+)\.yaml)$")]
    private static partial Regex Snippet();
}
