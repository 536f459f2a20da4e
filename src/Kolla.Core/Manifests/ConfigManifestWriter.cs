using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kolla.Manifests;

/// <summary>Writes a <see cref="ConfigManifest"/> as the <c>config.json</c> text kolla_set_configs reads.</summary>
/// <remarks>
/// Key names as kolla_set_configs expects them; 4-space indentation as kolla-ansible's templates; LF; final newline.
/// Optional keys are written only when set. kolla-ansible's templates close most lists on the last entry's line
/// (<c>}    ],</c>); <see cref="ConfigManifestLayout.InlineClose"/> names the lists written that way.
/// </remarks>
public static class ConfigManifestWriter
{
    private static readonly JsonWriterOptions s_options = new()
    {
        Indented = true,
        IndentSize = 4,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serialises the manifest, closing every list on a line of its own.</summary>
    public static string Write(ConfigManifest manifest) => Write(manifest, ConfigManifestLayout.Standard);

    /// <summary>Serialises the manifest in the given layout.</summary>
    public static string Write(ConfigManifest manifest, ConfigManifestLayout layout)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(layout);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, s_options))
        {
            json.WriteStartObject();
            json.WriteString("command", manifest.Command);
            json.WriteStartArray("config_files");
            foreach (var entry in manifest.ConfigFiles)
            {
                json.WriteStartObject();
                json.WriteString("source", entry.Source);
                json.WriteString("dest", entry.Dest);
                WriteOptional(json, "owner", entry.Owner);
                WriteOptional(json, "perm", entry.Perm);
                WriteFlag(json, "optional", entry.Optional);
                WriteFlag(json, "merge", entry.Merge);
                WriteFlag(json, "preserve_properties", entry.PreserveProperties);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WritePaths(json, "directories", manifest.Directories);
            WritePaths(json, "files", manifest.Files);
            if (manifest.Permissions.Count > 0)
            {
                json.WriteStartArray("permissions");
                foreach (var entry in manifest.Permissions)
                {
                    json.WriteStartObject();
                    json.WriteString("path", entry.Path);
                    json.WriteString("owner", entry.Owner);
                    WriteOptional(json, "perm", entry.Perm);
                    WriteFlag(json, "recurse", entry.Recurse);
                    if (entry.Exclude.Count > 0)
                    {
                        json.WriteStartArray("exclude");
                        foreach (var pattern in entry.Exclude)
                        {
                            json.WriteStringValue(pattern);
                        }

                        json.WriteEndArray();
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        var text = Encoding.UTF8.GetString(buffer.ToArray());
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

    private static void WritePaths(Utf8JsonWriter json, string name, IReadOnlyList<ManifestPathEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (var entry in entries)
        {
            json.WriteStartObject();
            json.WriteString("path", entry.Path);
            json.WriteString("owner", entry.Owner);
            json.WriteString("perm", entry.Perm);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteFlag(Utf8JsonWriter json, string name, bool value)
    {
        if (value)
        {
            json.WriteBoolean(name, value);
        }
    }
}
