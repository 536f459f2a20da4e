using System.Globalization;
using Kolla.Containers;

namespace Kolla.Planning;

/// <summary>Converts rendered <c>dimensions</c> and <c>healthcheck</c> values into the typed spec, normalising units once.</summary>
internal static class SpecValues
{
    private static readonly HashSet<string> s_dimensionKeys =
    [
        "mem_limit", "mem_reservation", "memswap_limit", "cpu_period", "cpu_quota", "cpu_shares",
        "cpuset_cpus", "cpuset_mems", "blkio_weight", "ulimits",
    ];

    /// <summary>The typed dimensions; for Podman without the ulimits it sets itself (<c>nofile</c>, <c>nproc</c>, also spelt <c>RLIMIT_NOFILE</c>, <c>RLIMIT_NPROC</c>), as kolla-ansible's podman worker drops them.</summary>
    public static ContainerDimensions Dimensions(object? value, string where, bool podman = false)
    {
        if (value is null or "" || value is IReadOnlyDictionary<string, object?> { Count: 0 })
        {
            return ContainerDimensions.None;
        }

        if (value is not IReadOnlyDictionary<string, object?> map)
        {
            throw new PlanningException($"{where}: dimensions must be a mapping");
        }

        foreach (var key in map.Keys.Where(k => !s_dimensionKeys.Contains(k)))
        {
            throw new PlanningException($"{where}: unsupported dimension '{key}' (allowed: {string.Join(", ", s_dimensionKeys)})");
        }

        long? Size(string key) => map.TryGetValue(key, out var v) && v is not null ? ParseSize(v, key, where) : null;
        long? Number(string key) => map.TryGetValue(key, out var v) && v is not null ? ParseLong(v, key, where) : null;
        string? Text(string key) => map.TryGetValue(key, out var v) && v is not null ? ValueEvaluator.Stringify(v) : null;
        var ulimits = new List<Ulimit>();
        if (map.TryGetValue("ulimits", out var u) && u is IReadOnlyDictionary<string, object?> limits)
        {
            foreach (var (name, limit) in limits.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                if (podman && IsPodmanOwnedUlimit(name))
                {
                    continue;
                }

                if (limit is not IReadOnlyDictionary<string, object?> pair || !pair.TryGetValue("soft", out var soft) || !pair.TryGetValue("hard", out var hard))
                {
                    throw new PlanningException($"{where}: ulimit '{name}' needs soft and hard");
                }

                ulimits.Add(new Ulimit(name, ParseLong(soft, $"ulimits.{name}.soft", where), ParseLong(hard, $"ulimits.{name}.hard", where)));
            }
        }

        return new ContainerDimensions
        {
            MemoryLimit = Size("mem_limit"),
            MemoryReservation = Size("mem_reservation"),
            MemorySwapLimit = Size("memswap_limit"),
            CpuPeriod = Number("cpu_period"),
            CpuQuota = Number("cpu_quota"),
            CpuShares = Number("cpu_shares"),
            CpusetCpus = Text("cpuset_cpus"),
            CpusetMems = Text("cpuset_mems"),
            BlkioWeight = Number("blkio_weight") is { } weight ? (int)weight : null,
            Ulimits = ulimits,
        };
    }

    private static bool IsPodmanOwnedUlimit(string name)
    {
        var shortName = name.StartsWith("RLIMIT_", StringComparison.OrdinalIgnoreCase) ? name["RLIMIT_".Length..] : name;
        return shortName.Equals("nofile", StringComparison.OrdinalIgnoreCase) || shortName.Equals("nproc", StringComparison.OrdinalIgnoreCase);
    }

    public static ContainerHealthcheck? Healthcheck(object? raw, ValueEvaluator values, string where)
    {
        if (raw is null || !values.Bool("{{ enable_container_healthchecks }}"))
        {
            return null;
        }

        if (values.Evaluate(raw) is not IReadOnlyDictionary<string, object?> map)
        {
            throw new PlanningException($"{where}: healthcheck must be a mapping");
        }

        var test = map.TryGetValue("test", out var t) ? t : null;
        IReadOnlyList<string> command = test switch
        {
            string s when s is "NONE" or "" => ["NONE"],
            string s => ["CMD-SHELL", s],
            IEnumerable<object?> list => list.Select(ValueEvaluator.Stringify).ToArray(),
            _ => throw new PlanningException($"{where}: healthcheck test is missing"),
        };
        if (command is ["NONE"])
        {
            return null;
        }

        int Seconds(string key, string fallbackVariable) =>
            (int)ParseLong(map.TryGetValue(key, out var v) && v is not null ? v : values.Evaluate($"{{{{ {fallbackVariable} }}}}"), key, where);
        return new ContainerHealthcheck(
            command,
            Seconds("interval", "default_container_healthcheck_interval"),
            Seconds("timeout", "default_container_healthcheck_timeout"),
            Seconds("start_period", "default_container_healthcheck_start_period"),
            Seconds("retries", "default_container_healthcheck_retries"));
    }

    private static long ParseLong(object? value, string key, string where) => value switch
    {
        long l => l,
        int i => i,
        double d when d == Math.Floor(d) => (long)d,
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => throw new PlanningException($"{where}: {key} must be an integer, not '{ValueEvaluator.Stringify(value)}'"),
    };

    private static long ParseSize(object value, string key, string where)
    {
        if (value is not string text)
        {
            return ParseLong(value, key, where);
        }

        text = text.Trim();
        var multiplier = char.ToLowerInvariant(text.Length > 0 ? text[^1] : ' ') switch
        {
            'b' => 1L,
            'k' => 1024L,
            'm' => 1024L * 1024,
            'g' => 1024L * 1024 * 1024,
            _ => 0L,
        };
        var digits = multiplier == 0 ? text : text[..^1];
        return long.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n * (multiplier == 0 ? 1 : multiplier)
            : throw new PlanningException($"{where}: {key} '{text}' is not a size (number with an optional b, k, m or g)");
    }
}
