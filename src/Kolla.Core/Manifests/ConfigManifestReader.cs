using System.Text.Json;

namespace Kolla.Manifests;

/// <summary>Reads <c>config.json</c> text back into a <see cref="ConfigManifest"/>, strictly: an unknown key is an error.</summary>
/// <remarks>Used for manifests a catalogue writes as a template, so they are validated like the structured ones.</remarks>
internal static class ConfigManifestReader
{
    private static readonly HashSet<string> s_top = ["command", "config_files", "directories", "files", "permissions"];
    private static readonly HashSet<string> s_fileKeys = ["source", "dest", "owner", "perm", "optional", "merge", "preserve_properties"];
    private static readonly HashSet<string> s_pathKeys = ["path", "owner", "perm"];
    private static readonly HashSet<string> s_permissionKeys = ["path", "owner", "perm", "recurse", "exclude"];

    /// <summary>Parses the text.</summary>
    /// <exception cref="FormatException">The text is not JSON, or not in kolla_set_configs' schema; the message says where.</exception>
    public static ConfigManifest Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("config.json is not a JSON object");
            }

            CheckKeys(root, s_top, "config.json");
            return new ConfigManifest(Text(root, "command") ?? throw new FormatException("config.json: \"command\" is required"))
            {
                ConfigFiles = Entries(root, "config_files", s_fileKeys).Select(e => new ConfigFileEntry(
                    Text(e, "source") ?? throw new FormatException("config_files: an entry has no \"source\""),
                    Text(e, "dest") ?? throw new FormatException("config_files: an entry has no \"dest\""),
                    Text(e, "owner"),
                    Text(e, "perm"))
                {
                    Optional = Flag(e, "optional"),
                    Merge = Flag(e, "merge"),
                    PreserveProperties = Flag(e, "preserve_properties"),
                }).ToArray(),
                Directories = Entries(root, "directories", s_pathKeys).Select(PathEntry).ToArray(),
                Files = Entries(root, "files", s_pathKeys).Select(PathEntry).ToArray(),
                Permissions = Entries(root, "permissions", s_permissionKeys).Select(e => new PermissionEntry(Text(e, "path") ?? "", Text(e, "owner") ?? "", Text(e, "perm"))
                {
                    Recurse = Flag(e, "recurse"),
                    Exclude = e.TryGetProperty("exclude", out var exclude) && exclude.ValueKind == JsonValueKind.Array
                        ? exclude.EnumerateArray().Select(x => x.GetString() ?? "").ToArray()
                        : [],
                }).ToArray(),
            };
        }
        catch (JsonException e)
        {
            throw new FormatException($"config.json is not valid JSON (line {(e.LineNumber ?? 0) + 1}): {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException($"config.json: {e.Message}", e);
        }
    }

    private static ManifestPathEntry PathEntry(JsonElement e) => new(Text(e, "path") ?? "", Text(e, "owner") ?? "", Text(e, "perm") ?? "");

    private static IEnumerable<JsonElement> Entries(JsonElement root, string name, HashSet<string> keys)
    {
        if (!root.TryGetProperty(name, out var array))
        {
            return [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"config.json: \"{name}\" is not a list");
        }

        var entries = array.EnumerateArray().ToArray();
        foreach (var entry in entries)
        {
            if (entry.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"config.json: an entry of \"{name}\" is not an object");
            }

            CheckKeys(entry, keys, name);
        }

        return entries;
    }

    private static void CheckKeys(JsonElement element, HashSet<string> known, string where)
    {
        foreach (var property in element.EnumerateObject().Where(p => !known.Contains(p.Name)))
        {
            throw new FormatException($"{where}: unknown key \"{property.Name}\"");
        }
    }

    private static string? Text(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;

    private static bool Flag(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.GetBoolean();
}
