using System.Text.Json;
using Kolla.Manifests;

namespace Kolla.Tests.Planning;

/// <summary>Reads a config.json back into a <see cref="ConfigManifest"/> (strictly: unknown keys fail).</summary>
internal static class ManifestJson
{
    private static readonly HashSet<string> s_top = ["command", "config_files", "directories", "files", "permissions"];

    public static ConfigManifest Read(string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        foreach (var property in root.EnumerateObject().Where(p => !s_top.Contains(p.Name)))
        {
            throw new FormatException($"unknown key '{property.Name}'");
        }

        return new ConfigManifest(root.GetProperty("command").GetString()!)
        {
            ConfigFiles = Array(root, "config_files").Select(e => new ConfigFileEntry(Text(e, "source")!, Text(e, "dest")!, Text(e, "owner"), Text(e, "perm"))
            {
                Optional = Flag(e, "optional"),
                Merge = Flag(e, "merge"),
                PreserveProperties = Flag(e, "preserve_properties"),
            }).ToArray(),
            Directories = Array(root, "directories").Select(e => new ManifestPathEntry(Text(e, "path")!, Text(e, "owner")!, Text(e, "perm")!)).ToArray(),
            Files = Array(root, "files").Select(e => new ManifestPathEntry(Text(e, "path")!, Text(e, "owner")!, Text(e, "perm")!)).ToArray(),
            Permissions = Array(root, "permissions").Select(e => new PermissionEntry(Text(e, "path")!, Text(e, "owner")!, Text(e, "perm"))
            {
                Recurse = Flag(e, "recurse"),
                Exclude = e.TryGetProperty("exclude", out var exclude) ? exclude.EnumerateArray().Select(x => x.GetString()!).ToArray() : [],
            }).ToArray(),
        };
    }

    private static IEnumerable<JsonElement> Array(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) ? array.EnumerateArray().ToArray() : [];

    private static string? Text(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static bool Flag(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.GetBoolean();
}
