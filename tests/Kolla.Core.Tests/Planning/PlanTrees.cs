using Kolla.Configuration;
using Kolla.Planning;

namespace Kolla.Tests.Planning;

/// <summary>Helpers to compare plans: which files changed, which containers sit where, INI lookups.</summary>
internal static class PlanTrees
{
    /// <summary>Paths (<c>host/key/file</c>) whose bytes differ, or that exist in only one tree.</summary>
    public static SortedSet<string> ChangedPaths(IReadOnlyDictionary<string, byte[]> before, IReadOnlyDictionary<string, byte[]> after)
    {
        var changed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in before.Keys.Union(after.Keys))
        {
            if (!before.TryGetValue(path, out var a) || !after.TryGetValue(path, out var b) || !a.AsSpan().SequenceEqual(b))
            {
                changed.Add(path);
            }
        }

        return changed;
    }

    /// <summary>Host → service keys of the containers placed there.</summary>
    public static Dictionary<string, SortedSet<string>> Placement(DeploymentPlan plan) =>
        plan.Hosts.ToDictionary(
            h => h.Host,
            h => new SortedSet<string>(h.Containers.Select(c => c.Key), StringComparer.Ordinal),
            StringComparer.Ordinal);

    /// <summary>The last value of <c>[section] key</c> in an INI text, or null.</summary>
    public static string? IniValue(byte[] content, string section, string key)
    {
        var entry = IniDocument.Parse(System.Text.Encoding.UTF8.GetString(content)).FindEntry(section, key);
        return entry is null ? null : string.Join("\n", entry.Values[^1].Lines);
    }

    public static IEnumerable<(string Host, ContainerPlan Container, PlannedFile File)> Files(DeploymentPlan plan) =>
        plan.Hosts.SelectMany(h => h.Containers.SelectMany(c => c.Files.Select(f => (h.Host, c, f))));

    public static string FileName(ContainerPlan container, PlannedFile file) => file.Path[(container.ConfigDirectory.Length + 1)..];
}
