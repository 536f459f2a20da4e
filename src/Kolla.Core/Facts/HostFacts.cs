namespace Kolla.Facts;

/// <summary>
/// One host's facts in the shape of Ansible's <c>ansible_facts</c>: keys without the <c>ansible_</c> prefix
/// (<c>hostname</c>, <c>processor_vcpus</c>, <c>default_ipv4</c>, one entry per interface with <c>-</c> written
/// as <c>_</c>, ...), values of the types the YAML reader produces (<see cref="OrderedDictionary{TKey, TValue}"/>
/// with ordinal keys for mappings, <see cref="List{T}"/> of <see cref="object"/> for lists, <see cref="string"/>,
/// <see cref="long"/>, <see cref="double"/>, <see cref="bool"/> and null).
/// </summary>
/// <remarks>Ansible's <c>setup</c> module; <see cref="LocalHostFacts"/>, <see cref="RemoteFactsScript"/> and
/// <see cref="FactCache"/> produce it.</remarks>
/// <param name="Host">The inventory name of the host.</param>
/// <param name="Values">The facts by name.</param>
public sealed record HostFacts(string Host, IReadOnlyDictionary<string, object?> Values)
{
    /// <summary>Gets the short host name (<c>ansible_hostname</c>: the node name up to the first dot), or null.</summary>
    public string? Hostname => Values.TryGetValue("hostname", out var value) ? value as string : null;

    /// <summary>Gets the number of virtual CPUs (<c>ansible_processor_vcpus</c>), or null.</summary>
    public long? ProcessorVcpus => Number("processor_vcpus");

    /// <summary>Gets the total memory in MiB (<c>ansible_memtotal_mb</c>), or null.</summary>
    public long? MemTotalMb => Number("memtotal_mb");

    private long? Number(string key) =>
        Values.TryGetValue(key, out var value)
            ? value switch
            {
                long l => l,
                int i => i,
                double d when double.IsInteger(d) && Math.Abs(d) < 9e15 => (long)d,
                _ => null,
            }
            : null;
}
