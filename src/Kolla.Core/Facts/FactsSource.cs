namespace Kolla.Facts;

/// <summary>
/// The raw material of one host's facts, as read in process (<see cref="LocalHostFacts"/>) or printed by
/// <see cref="RemoteFactsScript"/>: both fill this record and <see cref="FactsBuilder"/> derives the facts from it,
/// so the two paths cannot disagree.
/// </summary>
internal sealed record FactsSource
{
    /// <summary>Gets <c>uname -n</c>.</summary>
    public required string Nodename { get; init; }

    /// <summary>Gets <c>uname -s</c>.</summary>
    public string? System { get; init; }

    /// <summary>Gets <c>uname -r</c>.</summary>
    public string? Kernel { get; init; }

    /// <summary>Gets <c>uname -v</c>.</summary>
    public string? KernelVersion { get; init; }

    /// <summary>Gets <c>uname -m</c>.</summary>
    public string? Machine { get; init; }

    /// <summary>
    /// Gets the names the reverse lookup of the node name's first address gave (canonical name first, then aliases,
    /// as <c>gethostbyaddr</c> returns them), or null when either lookup failed.
    /// </summary>
    public IReadOnlyList<string>? ReverseNames { get; init; }

    /// <summary>Gets the <c>/proc/cpuinfo</c> summary, or null when it is unreadable.</summary>
    public CpuInfoSummary? Cpu { get; init; }

    /// <summary>Gets whether <c>/proc/meminfo</c> is readable.</summary>
    public bool MeminfoReadable { get; init; }

    /// <summary>Gets the text after <c>MemTotal:</c> in <c>/proc/meminfo</c>, or null.</summary>
    public string? MemTotal { get; init; }

    /// <summary>Gets the distribution files.</summary>
    public required DistributionSource Distribution { get; init; }

    /// <summary>Gets the interfaces, addresses and routes, or null when <c>ip</c> is missing (Ansible then reports no network facts).</summary>
    public NetworkSource? Network { get; init; }
}
