using System.Text.Json;
using YamlDotNet.Core;

namespace Kolla.Start.Configuration;

/// <summary>
/// Loads and validates the container's config: <c>/var/lib/kolla/config_files/config.yaml</c> when it exists,
/// otherwise <c>config.json</c>. Every check runs before anything on disk is changed.
/// </summary>
internal static class ConfigLoader
{
    public const string JsonPath = "/var/lib/kolla/config_files/config.json";
    public const string YamlPath = "/var/lib/kolla/config_files/config.yaml";

    private static readonly HashSet<string> ConfigFileKeys =
        ["source", "dest", "owner", "perm", "optional", "merge", "preserve_properties"];

    public static StartConfig Load(StartRoot root, StartLog log)
    {
        var tree = Read(root, log);
        log.Info("Validating config file");
        return Validate(tree);
    }

    private static object? Read(StartRoot root, StartLog log)
    {
        if (File.Exists(root.Host(YamlPath)))
        {
            log.Info($"Loading config file at {YamlPath}");
            var text = ReadText(root, YamlPath);
            try
            {
                var tree = YamlTree.Parse(text, out var empty);
                return empty ? throw StartException.InvalidConfig($"Invalid yaml file found at {YamlPath}: file is empty") : tree;
            }
            catch (YamlException)
            {
                throw StartException.InvalidConfig($"Invalid yaml file found at {YamlPath}");
            }
        }

        log.Info($"Loading config file at {JsonPath}");
        var json = ReadText(root, JsonPath);
        try
        {
            return ConfigTree.ParseJson(json);
        }
        catch (JsonException)
        {
            throw StartException.InvalidConfig($"Invalid json file found at {JsonPath}");
        }
    }

    private static string ReadText(StartRoot root, string path)
    {
        try
        {
            return File.ReadAllText(root.Host(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "No such file or directory" : e.Message;
            throw StartException.InvalidConfig($"Could not read file {path}: {reason}");
        }
    }

    /// <summary>Validates the raw tree and builds the typed config (InvalidConfig = exit 1, shape errors = exit 2).</summary>
    public static StartConfig Validate(object? tree)
    {
        if (tree is not Dictionary<string, object?> config || !config.TryGetValue("command", out var command))
        {
            throw StartException.InvalidConfig("Config is missing required \"command\" key");
        }

        var configFiles = Entries(config, "config_files");
        foreach (var entry in configFiles)
        {
            if (!entry.ContainsKey("source") || !entry.ContainsKey("dest"))
            {
                throw StartException.InvalidConfig("Config is missing required keys: {'source', 'dest'}");
            }

            if ((!entry.ContainsKey("owner") || !entry.ContainsKey("perm")) && !Truthy(entry.GetValueOrDefault("preserve_properties")))
            {
                throw StartException.InvalidConfig("Config needs preserve_properties or owner and perm");
            }
        }

        var directories = Entries(config, "directories").Select(entry => PathEntryOf("directories", entry)).ToList();
        var files = Entries(config, "files").Select(entry => PathEntryOf("files", entry)).ToList();

        return new StartConfig(
            command as string ?? throw TypeError("\"command\" must be a string"),
            [.. configFiles.Select(ConfigFileOf)],
            directories,
            files,
            [.. Entries(config, "permissions").Select(PermissionOf)]);
    }

    private static List<Dictionary<string, object?>> Entries(Dictionary<string, object?> config, string section)
    {
        if (!config.TryGetValue(section, out var value))
        {
            return [];
        }

        if (value is not List<object?> list)
        {
            throw TypeError($"\"{section}\" must be a list");
        }

        return [.. list.Select(item => item as Dictionary<string, object?> ?? throw TypeError($"every \"{section}\" entry must be an object"))];
    }

    private static ConfigFileEntry ConfigFileOf(Dictionary<string, object?> entry)
    {
        var unknown = entry.Keys.FirstOrDefault(key => !ConfigFileKeys.Contains(key));
        if (unknown is not null)
        {
            throw TypeError($"config_files entry got an unexpected key '{unknown}'");
        }

        var perm = entry.GetValueOrDefault("perm");
        return new ConfigFileEntry(
            String(entry, "source") ?? throw TypeError("config_files \"source\" must be a string"),
            String(entry, "dest") ?? throw TypeError("config_files \"dest\" must be a string"),
            String(entry, "owner"),
            perm is null ? null : FilePermission.Parse(PermText(perm)),
            Truthy(entry.GetValueOrDefault("optional")),
            Truthy(entry.GetValueOrDefault("merge")),
            Truthy(entry.GetValueOrDefault("preserve_properties")));
    }

    private static PathEntry PathEntryOf(string section, Dictionary<string, object?> entry)
    {
        string[] required = ["path", "owner", "perm"];
        var missing = required.Where(key => !entry.ContainsKey(key)).ToList();
        if (missing.Count > 0)
        {
            throw StartException.InvalidConfig($"{section} config is missing required keys: {{{string.Join(", ", missing.Select(key => $"'{key}'"))}}}");
        }

        var nullKey = required.FirstOrDefault(key => entry[key] is null);
        if (nullKey is not null)
        {
            throw StartException.InvalidConfig($"{section} config key \"{nullKey}\" must not be null");
        }

        var path = String(entry, "path") ?? throw TypeError($"{section} \"path\" must be a string");
        if (Glob.HasMagic(path))
        {
            throw StartException.InvalidConfig($"{section} config does not support glob paths: {path}");
        }

        return new PathEntry(
            path,
            String(entry, "owner") ?? throw TypeError($"{section} \"owner\" must be a string"),
            FilePermission.Parse(PermText(entry["perm"])));
    }

    private static PermissionEntry PermissionOf(Dictionary<string, object?> entry)
    {
        var exclude = entry.GetValueOrDefault("exclude") switch
        {
            null => [],
            List<object?> list => list.Select(item => item as string ?? throw TypeError("permissions \"exclude\" must be a list of strings")).ToList(),
            _ => throw TypeError("permissions \"exclude\" must be a list of strings"),
        };
        var perm = entry.GetValueOrDefault("perm");
        return new PermissionEntry(
            String(entry, "path") ?? throw TypeError("permissions \"path\" must be a string"),
            String(entry, "owner"),
            perm is null or "" ? null : FilePermission.Parse(PermText(perm)),
            Truthy(entry.GetValueOrDefault("recurse")),
            exclude);
    }

    private static string? String(Dictionary<string, object?> entry, string key) =>
        entry.GetValueOrDefault(key) switch
        {
            null => null,
            string text => text,
            _ => throw TypeError($"\"{key}\" must be a string"),
        };

    /// <summary>A perm must be a string; upstream crashes on a number (a YAML <c>0644</c> is one too).</summary>
    private static string PermText(object? value) =>
        value as string ?? throw TypeError("\"perm\" must be a string such as \"0644\", not a number");

    /// <summary>Python truthiness for the flags (null, false, 0 and "" are false).</summary>
    private static bool Truthy(object? value) => value switch
    {
        null => false,
        bool flag => flag,
        double number => number != 0,
        string text => text.Length > 0,
        List<object?> list => list.Count > 0,
        Dictionary<string, object?> map => map.Count > 0,
        _ => true,
    };

    private static StartException TypeError(string message) => StartException.Crash("TypeError", message);
}
