using System.Security.Cryptography;
using System.Text;
using Kolla.Compat;

namespace Kolla.Containers;

/// <summary>Computes the canonical hash of a <see cref="ContainerSpec"/>, kept on containers as <see cref="KollaLabels.SpecHash"/>.</summary>
/// <remarks>
/// <para>
/// The hash is SHA-256 over a versioned canonical JSON form (<see cref="ToCanonicalJson"/>). Everything that shapes
/// the container as created is in it, normalised once so that specs which produce the same container hash alike:
/// where kolla compares as sets (capabilities, security options, tmpfs, volumes_from, volumes) values are sorted and
/// deduplicated; volumes appear as the binds and destinations the engine receives (<c>/dev:/dev</c> equals
/// <c>/dev:/dev:rw</c>); environment and labels are maps sorted by key (a null variable equals an empty one);
/// ulimits are sorted by name; a <c>NONE</c> health check equals none. Empty and default values are left out, so a
/// field added later with its default does not change existing hashes.
/// </para>
/// <para>
/// Not in the hash: <see cref="ContainerSpec.State"/> and <see cref="ContainerSpec.GracefulTimeoutSeconds"/> (run-time,
/// not creation), <see cref="ContainerSpec.RestartRetries"/> unless the policy is <c>on-failure</c>, and the variables
/// the runtime injects (<c>KOLLA_SERVICE_NAME</c>, <c>TZ</c>), so a host time zone change alone recreates nothing.
/// </para>
/// <para>Counterpart of kolla_container's field-by-field comparison (see <see cref="ContainerComparer"/>), answering
/// the same question with one string compare (FIELD-NOTES pain points 3 and 22).</para>
/// </remarks>
internal static class ContainerSpecHasher
{
    /// <summary>Version of the canonical form; bumped whenever its meaning changes.</summary>
    public const int FormatVersion = 1;

    // Canonical JSON: keys sorted ordinally, no whitespace, integers in invariant digits, strings with only '"', '\' and
    // control characters escaped, everything else raw. Stable across runs, processes, machines and .NET versions.
    private static readonly JsonDumpsOptions s_canonical = new()
    {
        ItemSeparator = ",",
        KeySeparator = ":",
        SortKeys = StringComparer.Ordinal,
        EnsureAscii = false,
    };

    /// <summary>Computes the hash.</summary>
    /// <param name="spec">The spec.</param>
    /// <returns>Lower-case hex SHA-256 (64 characters).</returns>
    public static string Compute(ContainerSpec spec)
    {
        var json = ToCanonicalJson(spec);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(json));
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>The canonical JSON form the hash is computed over (for diagnostics and diffs).</summary>
    /// <param name="spec">The spec.</param>
    /// <returns>Compact JSON with sorted keys.</returns>
    public static string ToCanonicalJson(ContainerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var root = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["v"] = FormatVersion,
            ["name"] = spec.Name,
            ["image"] = spec.Image,
            ["network_mode"] = spec.NetworkMode,
            ["restart_policy"] = spec.RestartPolicy,
        };
        AddIfSet(root, "command", spec.Command);
        AddMap(root, "environment", spec.Environment.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value ?? "")));
        var volumes = ContainerVolumes.Parse(spec.Volumes);
        AddSet(root, "volumes", volumes.Destinations);
        AddSet(root, "binds", volumes.Binds);
        AddSet(root, "volumes_from", spec.VolumesFrom);
        AddSet(root, "tmpfs", spec.Tmpfs);
        AddSet(root, "cap_add", spec.CapAdd);
        AddSet(root, "security_opt", spec.SecurityOpt);
        AddMap(root, "labels", spec.Labels);
        if (spec.Privileged)
        {
            root["privileged"] = true;
        }

        AddIfSet(root, "pid_mode", spec.PidMode);
        AddIfSet(root, "ipc_mode", spec.IpcMode);
        AddIfSet(root, "cgroupns_mode", spec.CgroupnsMode);
        if (string.Equals(spec.RestartPolicy, "on-failure", StringComparison.Ordinal))
        {
            root["restart_retries"] = spec.RestartRetries;
        }

        var dimensions = Dimensions(spec.Dimensions);
        if (dimensions.Count > 0)
        {
            root["dimensions"] = dimensions;
        }

        if (spec.Healthcheck is { IsNone: false } health)
        {
            root["healthcheck"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["test"] = health.Test.ToList(),
                ["interval"] = health.IntervalSeconds,
                ["timeout"] = health.TimeoutSeconds,
                ["start_period"] = health.StartPeriodSeconds,
                ["retries"] = health.Retries,
            };
        }

        return JsonDumps.Write(root, s_canonical);
    }

    private static Dictionary<string, object?> Dimensions(ContainerDimensions d)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        void Add(string key, long? value)
        {
            if (value is { } v)
            {
                map[key] = v;
            }
        }

        Add("mem_limit", d.MemoryLimit);
        Add("mem_reservation", d.MemoryReservation);
        Add("memswap_limit", d.MemorySwapLimit);
        Add("cpu_period", d.CpuPeriod);
        Add("cpu_quota", d.CpuQuota);
        Add("cpu_shares", d.CpuShares);
        Add("blkio_weight", d.BlkioWeight);
        AddIfSet(map, "cpuset_cpus", d.CpusetCpus);
        AddIfSet(map, "cpuset_mems", d.CpusetMems);
        if (d.Ulimits.Count > 0)
        {
            map["ulimits"] = d.Ulimits
                .OrderBy(u => u.Name, StringComparer.Ordinal)
                .Select(u => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["name"] = u.Name,
                    ["soft"] = u.Soft,
                    ["hard"] = u.Hard,
                })
                .ToList();
        }

        return map;
    }

    private static void AddIfSet(Dictionary<string, object?> map, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            map[key] = value;
        }
    }

    private static void AddSet(Dictionary<string, object?> map, string key, IEnumerable<string> values)
    {
        var sorted = values.Where(v => !string.IsNullOrEmpty(v)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (sorted.Count > 0)
        {
            map[key] = sorted;
        }
    }

    private static void AddMap(Dictionary<string, object?> map, string key, IEnumerable<KeyValuePair<string, string>> values)
    {
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in values)
        {
            dict[k] = v;
        }

        if (dict.Count > 0)
        {
            map[key] = dict;
        }
    }
}
