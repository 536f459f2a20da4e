namespace Kolla.Facts;

/// <summary>Derives a host's facts from their raw material, in the order Ansible's collectors run.</summary>
internal static class FactsBuilder
{
    /// <summary>The facts of <paramref name="host"/>.</summary>
    public static HostFacts Build(string host, FactsSource source)
    {
        var facts = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        PlatformFacts.Add(facts, source);
        DistributionFacts.Add(facts, source.Distribution);
        if (source.Cpu is { } cpu)
        {
            CpuFacts.Add(facts, cpu, facts.TryGetValue("architecture", out var architecture) ? architecture as string : null);
        }

        if (source.MeminfoReadable)
        {
            CpuFacts.AddMemory(facts, source.MemTotal);
        }

        if (source.Network is { } network)
        {
            NetworkFacts.Add(facts, network);
        }

        return new HostFacts(host, facts);
    }
}
