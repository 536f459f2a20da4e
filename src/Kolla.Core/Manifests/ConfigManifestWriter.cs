using System.Text.Encodings.Web;
using Kolla.Compat;

namespace Kolla.Manifests;

/// <summary>Writes a <see cref="ConfigManifest"/> as the <c>config.json</c> text kolla_set_configs reads.</summary>
/// <remarks>
/// Key names as kolla_set_configs expects them; 4-space indentation as kolla-ansible's templates; LF; final newline.
/// Optional keys are written only when set. kolla-ansible's templates close most lists on the last entry's line
/// (<c>}    ],</c>); <see cref="ConfigManifestLayout.InlineClose"/> names the lists written that way.
/// </remarks>
internal static class ConfigManifestWriter
{
    // json.dumps(indent=4) layout; strings escaped as System.Text.Json's relaxed encoder does.
    private static readonly JsonDumpsOptions s_options = new() { Indent = 4, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Serialises the manifest, closing every list on a line of its own.</summary>
    public static string Write(ConfigManifest manifest) => Write(manifest, ConfigManifestLayout.Standard);

    /// <summary>Serialises the manifest in the given layout.</summary>
    public static string Write(ConfigManifest manifest, ConfigManifestLayout layout)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(layout);
        var root = new OrderedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["command"] = manifest.Command,
            ["config_files"] = manifest.ConfigFiles.Select(entry => Entry(
                ("source", entry.Source),
                ("dest", entry.Dest),
                ("owner", entry.Owner),
                ("perm", entry.Perm),
                ("optional", Flag(entry.Optional)),
                ("merge", Flag(entry.Merge)),
                ("preserve_properties", Flag(entry.PreserveProperties)))).ToList(),
        };
        AddPaths(root, "directories", manifest.Directories);
        AddPaths(root, "files", manifest.Files);
        if (manifest.Permissions.Count > 0)
        {
            root["permissions"] = manifest.Permissions.Select(entry => Entry(
                ("path", entry.Path),
                ("owner", entry.Owner),
                ("perm", entry.Perm),
                ("recurse", Flag(entry.Recurse)),
                ("exclude", entry.Exclude.Count > 0 ? entry.Exclude.ToList() : null))).ToList();
        }

        var text = JsonDumps.Write(root, s_options);
        foreach (var list in layout.InlineClose)
        {
            // The list's own close is the first bracket at its indentation, unless the next key comes first (an empty list).
            var start = text.IndexOf($"\n    \"{list}\": [", StringComparison.Ordinal);
            var close = start < 0 ? -1 : text.IndexOf("\n        }\n    ]", start, StringComparison.Ordinal);
            var next = start < 0 ? -1 : text.IndexOf("\n    \"", start + 1, StringComparison.Ordinal);
            if (close >= 0 && (next < 0 || close < next))
            {
                text = string.Concat(text.AsSpan(0, close), "\n        }    ]", text.AsSpan(close + "\n        }\n    ]".Length));
            }
        }

        return text + "\n";
    }

    private static void AddPaths(OrderedDictionary<string, object?> root, string name, IReadOnlyList<ManifestPathEntry> entries)
    {
        if (entries.Count > 0)
        {
            root[name] = entries.Select(entry => Entry(("path", entry.Path), ("owner", entry.Owner), ("perm", entry.Perm))).ToList();
        }
    }

    // An entry with the fields that are set, in order (a null value leaves its field out).
    private static KeyValuePair<string, object?>[] Entry(params ReadOnlySpan<(string Name, object? Value)> fields)
    {
        var count = 0;
        foreach (var (_, value) in fields)
        {
            count += value is null ? 0 : 1;
        }

        var entry = new KeyValuePair<string, object?>[count];
        count = 0;
        foreach (var (name, value) in fields)
        {
            if (value is not null)
            {
                entry[count++] = new(name, value);
            }
        }

        return entry;
    }

    // Flags are written only when true.
    private static object? Flag(bool value) => value ? true : null;
}
