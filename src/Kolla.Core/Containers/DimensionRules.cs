using System.Globalization;

namespace Kolla.Containers;

/// <summary>kolla_container's dimension rule (reference B 1.6): requested limits must match, unrequested ones must be zero/empty.</summary>
internal static class DimensionRules
{
    public static ContainerDifference? Compare(ContainerDimensions desired, ContainerDimensions current)
    {
        var failures = new List<(string Key, string Current, string Desired)>();
        void Number(string key, long? wanted, long? actual)
        {
            var have = actual ?? 0;
            if (wanted is { } w ? w != have : have != 0)
            {
                failures.Add((key, have.ToString(CultureInfo.InvariantCulture), wanted?.ToString(CultureInfo.InvariantCulture) ?? "unset"));
            }
        }

        void Text(string key, string? wanted, string? actual)
        {
            var have = actual ?? "";
            if (wanted is not null ? wanted != have : have.Length != 0)
            {
                failures.Add((key, have, wanted ?? "unset"));
            }
        }

        Number("mem_limit", desired.MemoryLimit, current.MemoryLimit);
        Number("mem_reservation", desired.MemoryReservation, current.MemoryReservation);
        Number("memswap_limit", desired.MemorySwapLimit, current.MemorySwapLimit);
        Number("cpu_period", desired.CpuPeriod, current.CpuPeriod);
        Number("cpu_quota", desired.CpuQuota, current.CpuQuota);
        Number("cpu_shares", desired.CpuShares, current.CpuShares);
        Text("cpuset_cpus", desired.CpusetCpus, current.CpusetCpus);
        Text("cpuset_mems", desired.CpusetMems, current.CpusetMems);
        Number("blkio_weight", desired.BlkioWeight, current.BlkioWeight);
        var wantedUlimits = Sorted(desired.Ulimits);
        var actualUlimits = Sorted(current.Ulimits);
        if (!wantedUlimits.SequenceEqual(actualUlimits))
        {
            failures.Add(("ulimits", Ulimits(actualUlimits), desired.Ulimits.Count == 0 ? "unset" : Ulimits(wantedUlimits)));
        }

        if (failures.Count == 0)
        {
            return null;
        }

        return new ContainerDifference(
            ContainerFields.Dimensions,
            string.Join(", ", failures.Select(f => $"{f.Key}={f.Current}")),
            string.Join(", ", failures.Select(f => $"{f.Key}={f.Desired}")));
    }

    private static List<Ulimit> Sorted(IReadOnlyList<Ulimit> ulimits) => [.. ulimits.OrderBy(u => u.Name, StringComparer.Ordinal)];

    private static string Ulimits(IEnumerable<Ulimit> ulimits) =>
        "[" + string.Join(", ", ulimits.Select(u => $"{u.Name}={u.Soft}:{u.Hard}")) + "]";
}
