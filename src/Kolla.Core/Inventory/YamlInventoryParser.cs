using Kolla.Compat;

namespace Kolla.Inventory;

/// <summary>
/// ansible-core 2.14's YAML inventory format: top-level keys are groups, each with optional
/// <c>hosts</c>, <c>children</c> (nested group definitions) and <c>vars</c> mappings.
/// </summary>
/// <remarks>
/// Values are typed by YAML 1.1 as ansible's loader does (<see cref="InventoryYaml"/>). A section given as
/// a plain string (<c>hosts: web1</c>) means a one-key mapping. Keys other than the three sections are
/// skipped with a warning, as ansible does.
/// </remarks>
internal sealed class YamlInventoryParser
{
    private readonly InventoryBuilder _inventory;
    private readonly string _file;

    private YamlInventoryParser(InventoryBuilder inventory, string file)
    {
        _inventory = inventory;
        _file = file;
    }

    /// <summary>Parses an already-loaded YAML document into <paramref name="inventory"/>.</summary>
    /// <exception cref="InventoryException">The document is not a YAML inventory, or a group or host entry is invalid.</exception>
    public static void Parse(YNode? root, string file, InventoryBuilder inventory)
    {
        var parser = new YamlInventoryParser(inventory, file);
        if (root is not YMapping mapping)
        {
            var plain = InventoryYaml.ToPlain(root, file);
            if (InventoryYaml.IsFalsy(plain))
            {
                throw new InventoryException(file, root?.Line ?? 1, "Parsed empty YAML file");
            }

            throw new InventoryException(file, root!.Line, $"YAML inventory has invalid structure, it should be a dictionary, got: {PyText.TypeName(plain)}");
        }

        var entries = InventoryYaml.Entries(mapping, file);
        if (entries.Count == 0)
        {
            throw new InventoryException(file, root.Line, "Parsed empty YAML file");
        }

        var plugin = entries.FirstOrDefault(e => e.Key is "plugin");
        if (plugin.KeyNode is not null && !InventoryYaml.IsFalsy(InventoryYaml.ToPlain(plugin.Value, file)))
        {
            throw new InventoryException(file, plugin.KeyNode.Line, "Plugin configuration YAML file, not YAML inventory");
        }

        foreach (var (key, keyNode, value) in entries)
        {
            parser.ParseGroup(key, keyNode, value);
        }
    }

    private string? ParseGroup(object? key, YNode keyNode, YNode value)
    {
        var line = keyNode.Line;
        if (value is not YMapping && InventoryYaml.ToPlain(value, _file) is not null)
        {
            _inventory.Warn($"{_file}:{line}: Skipping '{PyText.Str(key)}' as this is not a valid group definition");
            return key as string;
        }

        var group = GroupName(key, line);
        _inventory.AddGroup(group, line);
        if (value is not YMapping data)
        {
            return group;
        }

        var entries = InventoryYaml.Entries(data, _file);

        // A section given as a plain string means a one-key mapping; any other non-mapping is an error.
        var sections = new Dictionary<string, YNode>(StringComparer.Ordinal);
        foreach (var (sectionKey, sectionKeyNode, sectionValue) in entries)
        {
            if (sectionKey is "vars" or "children" or "hosts")
            {
                var name = (string)sectionKey;
                if (sectionValue is YMapping)
                {
                    continue;
                }

                var plain = InventoryYaml.ToPlain(sectionValue, _file);
                if (plain is string text)
                {
                    sections[name] = new YMapping(sectionValue.Line, null, [new(new YScalar(sectionValue.Line, "tag:yaml.org,2002:str", text, false), new YScalar(sectionValue.Line, null, string.Empty, true))]);
                }
                else if (plain is not (null or Dictionary<string, object?>))
                {
                    throw new InventoryException(_file, sectionKeyNode.Line, $"Invalid \"{name}\" entry for \"{group}\" group, requires a dictionary, found \"{PyText.TypeName(plain)}\" instead.");
                }
            }
        }

        foreach (var (sectionKey, sectionKeyNode, rawValue) in entries)
        {
            var sectionValue = sectionKey is string s && sections.TryGetValue(s, out var replaced) ? replaced : rawValue;
            var plain = sectionValue is YMapping ? null : InventoryYaml.ToPlain(sectionValue, _file);
            if (sectionValue is not YMapping && plain is not null)
            {
                _inventory.Warn($"{_file}:{sectionKeyNode.Line}: Skipping key ({PyText.Str(sectionKey)}) in group ({group}) as it is not a mapping, it is a {PyText.TypeName(plain)}");
                continue;
            }

            if (sectionValue is not YMapping section)
            {
                continue;
            }

            switch (sectionKey)
            {
                case "vars":
                    foreach (var (varKey, varKeyNode, varValue) in InventoryYaml.Entries(section, _file))
                    {
                        _inventory.SetVariable(group, InventoryYaml.KeyText(varKey, _file, varKeyNode.Line), InventoryYaml.ToPlain(varValue, _file), varKeyNode.Line);
                    }

                    break;
                case "children":
                    foreach (var (childKey, childKeyNode, childValue) in InventoryYaml.Entries(section, _file))
                    {
                        var child = ParseGroup(childKey, childKeyNode, childValue);
                        if (child is null || !_inventory.HasGroup(child) && !_inventory.HasHost(child))
                        {
                            throw new InventoryException(_file, childKeyNode.Line, $"{PyText.Str(childKey)} is not a known host nor group");
                        }

                        _inventory.AddChild(group, child, childKeyNode.Line);
                    }

                    break;
                case "hosts":
                    foreach (var (hostKey, hostKeyNode, hostValue) in InventoryYaml.Entries(section, _file))
                    {
                        ParseHost(group, hostKey, hostKeyNode.Line, hostValue);
                    }

                    break;
                default:
                    _inventory.Warn($"{_file}:{sectionKeyNode.Line}: Skipping unexpected key ({PyText.Str(sectionKey)}) in group ({group}), only \"vars\", \"children\" and \"hosts\" are valid");
                    break;
            }
        }

        return group;
    }

    private string GroupName(object? key, int line) => key switch
    {
        _ when InventoryYaml.IsFalsy(key) => throw new InventoryException(_file, line, $"Unable to add group {PyText.Str(key)}: Invalid empty/false group name provided: {PyText.Str(key)}"),
        string s => s,
        _ => throw new InventoryException(_file, line, $"Unable to add group {PyText.Str(key)}: Invalid group name supplied, expected a string but got {PyText.TypeName(key)} for {PyText.Str(key)}"),
    };

    private void ParseHost(string group, object? key, int line, YNode value)
    {
        if (key is not string pattern)
        {
            throw new InventoryException(_file, line, $"Host pattern {PyText.Str(key)} must be a string. Enclose integers/floats in quotation marks.");
        }

        var (hosts, port) = HostAddress.ExpandPattern(pattern, _file, line, _inventory.Limits.MaxInventoryHosts);

        var vars = InventoryYaml.ToPlain(value, _file) ?? new Dictionary<string, object?>();
        if (InventoryYaml.IsFalsy(vars))
        {
            vars = new Dictionary<string, object?>();
        }

        if (vars is not Dictionary<string, object?> variables)
        {
            throw new InventoryException(_file, value.Line, $"Invalid data from file, expected dictionary and got: {PyText.Str(vars)}");
        }

        var lines = InventoryYaml.KeyLines(value, _file);
        foreach (var name in hosts)
        {
            _inventory.AddHost(name, group, port, line);
            foreach (var (k, v) in variables)
            {
                _inventory.SetVariable(name, k, v, lines.GetValueOrDefault(k, line));
            }
        }
    }
}
