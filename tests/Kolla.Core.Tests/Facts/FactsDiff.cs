using System.Collections;
using Kolla.Compat;
using Kolla.Facts;

namespace Kolla.Core.Tests.Facts;

/// <summary>Compares facts key by key and describes every difference on one line.</summary>
internal static class FactsDiff
{
    /// <summary>The facts compared with Ansible's (besides <c>distribution*</c> and one entry per interface).</summary>
    public static readonly IReadOnlyList<string> ComparedKeys =
    [
        "hostname", "nodename", "fqdn", "domain", "system", "kernel", "kernel_version", "machine", "architecture",
        "processor_count", "processor_cores", "processor_threads_per_core", "processor_vcpus", "memtotal_mb", "os_family",
        "interfaces", "default_ipv4", "default_ipv6", "all_ipv4_addresses", "all_ipv6_addresses",
    ];

    /// <summary>Interface keys only Ansible has: they come from ethtool, which the facts do not run.</summary>
    public static readonly IReadOnlySet<string> EthtoolKeys = new HashSet<string>(["features", "timestamping", "hw_timestamp_filters", "phc_index"]);

    /// <summary>Differences between Ansible's facts and ours over the compared keys.</summary>
    public static List<string> AgainstAnsible(HostFacts ansible, HostFacts ours)
    {
        var differences = new List<string>();
        var keys = ComparedKeys
            .Concat(ansible.Values.Keys.Concat(ours.Values.Keys).Where(k => k.StartsWith("distribution", StringComparison.Ordinal)))
            .Distinct()
            .ToList();
        foreach (var key in keys)
        {
            var a = ansible.Values.GetValueOrDefault(key);
            var o = ours.Values.GetValueOrDefault(key);
            if (key == "interfaces")
            {
                a = Sorted(a);
                o = Sorted(o);
            }

            Compare(key, a, o, ansible.Values.ContainsKey(key), ours.Values.ContainsKey(key), differences);
        }

        foreach (var name in (ansible.Values.GetValueOrDefault("interfaces") as IEnumerable)?.Cast<object?>().OfType<string>() ?? [])
        {
            var key = name.Replace('-', '_');
            var a = ansible.Values.GetValueOrDefault(key) as IDictionary<string, object?>;
            var o = ours.Values.GetValueOrDefault(key) as IDictionary<string, object?>;
            var withoutEthtool = a?.Where(p => !EthtoolKeys.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value);
            Compare(key, withoutEthtool, o, a is not null, o is not null, differences);
        }

        return differences;
    }

    /// <summary>Differences over every key of either side.</summary>
    public static List<string> All(HostFacts expected, HostFacts actual)
    {
        var differences = new List<string>();
        foreach (var key in expected.Values.Keys.Union(actual.Values.Keys))
        {
            Compare(key, expected.Values.GetValueOrDefault(key), actual.Values.GetValueOrDefault(key),
                expected.Values.ContainsKey(key), actual.Values.ContainsKey(key), differences);
        }

        return differences;
    }

    /// <summary>The differences as a message, one per line.</summary>
    public static string Describe(string left, string right, List<string> differences) =>
        $"{differences.Count} difference(s) ({left} vs {right}):\n  " + string.Join("\n  ", differences);

    private static void Compare(string path, object? a, object? b, bool hasA, bool hasB, List<string> differences)
    {
        if (!hasA || !hasB)
        {
            if (hasA != hasB)
            {
                differences.Add($"{path}: {(hasA ? Json(a) : "(missing)")} != {(hasB ? Json(b) : "(missing)")}");
            }

            return;
        }

        switch (a, b)
        {
            case (IDictionary<string, object?> x, IDictionary<string, object?> y):
                foreach (var key in x.Keys.Union(y.Keys))
                {
                    Compare($"{path}.{key}", x.TryGetValue(key, out var xv) ? xv : null, y.TryGetValue(key, out var yv) ? yv : null, x.ContainsKey(key), y.ContainsKey(key), differences);
                }

                break;
            case (IList x, IList y) when x.Count == y.Count:
                for (var i = 0; i < x.Count; i++)
                {
                    Compare($"{path}[{i}]", x[i], y[i], true, true, differences);
                }

                break;
            default:
                if (Json(a) != Json(b) || a?.GetType() != b?.GetType())
                {
                    differences.Add($"{path}: {Json(a)} ({a?.GetType().Name ?? "null"}) != {Json(b)} ({b?.GetType().Name ?? "null"})");
                }

                break;
        }
    }

    private static object? Sorted(object? list) =>
        list is IEnumerable items and not string ? items.Cast<object?>().OrderBy(i => i as string, StringComparer.Ordinal).ToList() : list;

    private static string Json(object? value) => JsonDumps.Write(value, new JsonDumpsOptions { SortKeys = JsonDumpsOptions.CodePointOrder, EnsureAscii = false });
}
