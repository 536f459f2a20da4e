namespace Kolla.Containers;

/// <summary>Resource limits, kolla's <c>dimensions</c>, normalised once (sizes in bytes).</summary>
/// <remarks>kolla-ansible compares <c>mem_limit: 1g</c> with <c>1073741824</c>; here sizes are always bytes.</remarks>
public sealed record ContainerDimensions
{
    /// <summary>No limits.</summary>
    public static ContainerDimensions None { get; } = new();

    /// <summary><c>mem_limit</c> in bytes.</summary>
    public long? MemoryLimit { get; init; }

    /// <summary><c>mem_reservation</c> in bytes.</summary>
    public long? MemoryReservation { get; init; }

    /// <summary><c>memswap_limit</c> in bytes.</summary>
    public long? MemorySwapLimit { get; init; }

    /// <summary><c>cpu_period</c>.</summary>
    public long? CpuPeriod { get; init; }

    /// <summary><c>cpu_quota</c>.</summary>
    public long? CpuQuota { get; init; }

    /// <summary><c>cpu_shares</c>.</summary>
    public long? CpuShares { get; init; }

    /// <summary><c>cpuset_cpus</c>.</summary>
    public string? CpusetCpus { get; init; }

    /// <summary><c>cpuset_mems</c>.</summary>
    public string? CpusetMems { get; init; }

    /// <summary><c>blkio_weight</c>.</summary>
    public int? BlkioWeight { get; init; }

    /// <summary><c>ulimits</c>, sorted by name when compared.</summary>
    public IReadOnlyList<Ulimit> Ulimits { get; init; } = [];
}

/// <summary>One ulimit, e.g. <c>nofile</c> 1048576/1048576.</summary>
/// <param name="Name">Limit name.</param>
/// <param name="Soft">Soft limit.</param>
/// <param name="Hard">Hard limit.</param>
public sealed record Ulimit(string Name, long Soft, long Hard);
