using System.Text.RegularExpressions;

namespace Kolla.Facts;

/// <summary>Ansible's platform facts: names, kernel and architecture.</summary>
/// <remarks>Ansible's <c>PlatformFactCollector</c> on Linux.</remarks>
internal static partial class PlatformFacts
{
    /// <summary>Adds <c>system</c>, <c>kernel</c>, <c>kernel_version</c>, <c>machine</c>, <c>fqdn</c>, <c>hostname</c>, <c>nodename</c>, <c>domain</c> and <c>architecture</c>.</summary>
    public static void Add(OrderedDictionary<string, object?> facts, FactsSource source)
    {
        Put(facts, "system", source.System);
        Put(facts, "kernel", source.Kernel);
        Put(facts, "kernel_version", source.KernelVersion);
        Put(facts, "machine", source.Machine);
        var fqdn = Fqdn(source.Nodename, source.ReverseNames);
        facts["fqdn"] = fqdn;
        facts["hostname"] = source.Nodename.Split('.')[0];
        facts["nodename"] = source.Nodename;
        facts["domain"] = string.Join('.', fqdn.Split('.').Skip(1));
        if (source.Machine is { } machine)
        {
            facts["architecture"] = Architecture(machine);
        }
    }

    /// <summary>
    /// Python's <c>socket.getfqdn()</c>: of the names the reverse lookup gave, the first with a dot, else the
    /// canonical one; the node name itself when a lookup failed.
    /// </summary>
    public static string Fqdn(string nodename, IReadOnlyList<string>? reverseNames) =>
        reverseNames is not { Count: > 0 }
            ? nodename
            : reverseNames.FirstOrDefault(n => n.Contains('.', StringComparison.Ordinal)) ?? reverseNames[0];

    /// <summary><c>x86_64</c> as is, <c>i386</c> for the 32-bit x86 names, else the machine name.</summary>
    public static string Architecture(string machine) =>
        machine == "x86_64" ? machine : I86().IsMatch(machine) ? "i386" : machine;

    private static void Put(OrderedDictionary<string, object?> facts, string key, string? value)
    {
        if (value is not null)
        {
            facts[key] = value;
        }
    }

    [GeneratedRegex("i([3456]86|86pc)", RegexOptions.CultureInvariant)]
    private static partial Regex I86();
}
