using System.Collections.Frozen;

namespace Kolla.Facts;

/// <summary>What Ansible's CPU facts read from <c>/proc/cpuinfo</c>, without the rest of the file.</summary>
/// <param name="KeyLines">Lines whose key is <c>model name</c>, <c>Processor</c>, <c>vendor_id</c>, <c>cpu</c>, <c>Vendor</c> or <c>processor</c>.</param>
/// <param name="VendorIdLines">Lines whose key is <c>vendor_id</c>.</param>
/// <param name="ModelNameLines">Lines whose key is <c>model name</c>.</param>
/// <param name="ProcessorLines">Lines whose key is <c>processor</c>.</param>
/// <param name="Topology">The <c>physical id</c>, <c>core id</c>, <c>cpu cores</c>, <c>siblings</c> and <c>ncpus active</c> lines in order, key and value trimmed.</param>
/// <param name="Xen">Whether the host is a Xen guest (<c>/proc/xen</c> exists or <c>/sys/hypervisor/type</c> says <c>xen</c>).</param>
/// <param name="FlagsLinesWithoutVme">Lines whose key is <c>flags</c> and whose value lacks <c>vme</c> (Xen paravirtual guests).</param>
internal sealed record CpuInfoSummary(
    int KeyLines,
    int VendorIdLines,
    int ModelNameLines,
    int ProcessorLines,
    IReadOnlyList<KeyValuePair<string, string>> Topology,
    bool Xen,
    int FlagsLinesWithoutVme)
{
    /// <summary>The keys whose lines <see cref="KeyLines"/> counts.</summary>
    public static readonly FrozenSet<string> CountedKeys =
        FrozenSet.Create(StringComparer.Ordinal, "model name", "Processor", "vendor_id", "cpu", "Vendor", "processor");

    /// <summary>The keys kept in <see cref="Topology"/>.</summary>
    public static readonly FrozenSet<string> TopologyKeys =
        FrozenSet.Create(StringComparer.Ordinal, "physical id", "core id", "cpu cores", "siblings", "ncpus active");

    /// <summary>Summarises the text of <c>/proc/cpuinfo</c>.</summary>
    public static CpuInfoSummary FromCpuInfo(string text, bool xen)
    {
        int keys = 0, vendors = 0, models = 0, processors = 0, noVme = 0;
        var topology = new List<KeyValuePair<string, string>>();
        foreach (var line in text.Trim().Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var key = (colon < 0 ? line : line[..colon]).Trim();
            var value = colon < 0 ? string.Empty : line[(colon + 1)..].Trim();
            if (CountedKeys.Contains(key))
            {
                keys++;
                vendors += key == "vendor_id" ? 1 : 0;
                models += key == "model name" ? 1 : 0;
                processors += key == "processor" ? 1 : 0;
            }
            else if (TopologyKeys.Contains(key))
            {
                topology.Add(KeyValuePair.Create(key, value));
            }
            else if (key == "flags" && !value.Contains("vme", StringComparison.Ordinal))
            {
                noVme++;
            }
        }

        return new CpuInfoSummary(keys, vendors, models, processors, topology, xen, noVme);
    }
}
