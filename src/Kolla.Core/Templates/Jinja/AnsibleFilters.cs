using System.Text;
using System.Text.RegularExpressions;
using Fluid.Values;
using Kolla.Compat;
using Kolla.Variables;

namespace Kolla.Templates.Jinja;

/// <summary>The Ansible filters kolla-ansible's templates rely on.</summary>
internal static class AnsibleFilters
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Ansible's namespace for <c>to_uuid</c>.</summary>
    private static readonly Guid s_ansibleUuidNamespace = new("361e6d51-faec-444a-9079-341386da8e2e");

    public static void Register(Dictionary<string, JinjaFilter> filters)
    {
        filters["mandatory"] = new(Mandatory, AcceptsUndefined: true);
        filters["ternary"] = new(Ternary);
        filters["to_json"] = new((v, a, s) => Values.Text(ToJson(Native(v, a, s), a.Find(0, "indent") is { } i && !Py.IsNone(i) ? (int)Py.NumericValue(i) : null, a.Bool(1, "sort_keys", false), a)));
        filters["to_nice_json"] = new((v, a, s) => Values.Text(ToJson(Native(v, a, s), a.Int(0, "indent", 4), a.Bool(1, "sort_keys", true), a)));
        filters["from_json"] = new(FromJson);
        filters["to_yaml"] = new((v, a, s) => Values.Text(PyYamlWriter.Write(Native(v, a, s), null, a.Int(0, "indent", 2), allowUnicode: true)));
        filters["to_nice_yaml"] = new((v, a, s) => Values.Text(PyYamlWriter.Write(Native(v, a, s), null, a.Int(0, "indent", 4), allowUnicode: true)));
        filters["from_yaml"] = new(FromYaml);
        filters["combine"] = new(Combine);
        filters["dict2items"] = new(DictToItems);
        filters["items2dict"] = new(ItemsToDict);
        filters["regex_replace"] = new(RegexReplace);
        filters["regex_search"] = new(RegexSearch);
        filters["regex_escape"] = new((v, _, _) => Values.Text(Regex.Escape(Py.Str(v))));
        filters["basename"] = new((v, _, _) => Values.Text(Basename(Py.Str(v))));
        filters["dirname"] = new((v, _, _) => Values.Text(Dirname(Py.Str(v))));
        filters["split"] = new(Split);
        filters["flatten"] = new((v, a, _) => Values.List(Flatten(Values.Items(v, a), a.Find(0, "levels") is { } l && !Py.IsNone(l) ? (int)Py.NumericValue(l) : int.MaxValue, a.Line)));
        filters["union"] = new((v, a, _) => Values.List(Distinct([.. Values.Items(v, a), .. Values.Items(a.Required(0, "other"), a)])));
        filters["intersect"] = new((v, a, _) => Values.List(Distinct(Values.Items(v, a).Where(i => Values.Items(a.Required(0, "other"), a).Any(o => Py.Equal(o, i))))));
        filters["difference"] = new((v, a, _) => Values.List(Distinct(Values.Items(v, a).Where(i => !Values.Items(a.Required(0, "other"), a).Any(o => Py.Equal(o, i))))));
        filters["symmetric_difference"] = new(SymmetricDifference);
        filters["b64encode"] = new((v, _, _) => Values.Text(Convert.ToBase64String(Encoding.UTF8.GetBytes(Py.Str(v)))));
        filters["b64decode"] = new((v, a, _) => Values.Text(Encoding.UTF8.GetString(Decode64(Py.Str(v), a))));
        filters["to_uuid"] = new(ToUuid);
    }

    /// <summary><c>to_uuid</c>: the name-based (SHA-1, version 5) UUID of the text, in Ansible's namespace unless one is given.</summary>
    private static FluidValue ToUuid(FluidValue value, Arguments args, RenderState state)
    {
        var ns = args.Find(0, "namespace") is { } given && !Py.IsNone(given) ? Guid.Parse(Py.Str(given)) : s_ansibleUuidNamespace;
        var name = Encoding.UTF8.GetBytes(Py.Str(value));
        var input = new byte[16 + name.Length];
        ns.TryWriteBytes(input, bigEndian: true, out _);
        name.CopyTo(input, 16);
#pragma warning disable CA5350 // RFC 4122 version 5 UUIDs are defined over SHA-1; no security depends on it.
        var hash = System.Security.Cryptography.SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return Values.Text(new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D"));
    }

    private static FluidValue Mandatory(FluidValue value, Arguments args, RenderState state)
    {
        if (value is JinjaUndefined undefined)
        {
            var message = args.Find(0, "msg");
            throw new TemplateRuntimeException(message is null ? $"mandatory variable '{undefined.Name}' is not defined" : Py.Str(message), args.Line);
        }

        return value;
    }

    private static FluidValue Ternary(FluidValue value, Arguments args, RenderState state)
    {
        if (Py.IsNone(value) && args.Find(2, "none_val") is { } none)
        {
            return none;
        }

        return Py.Truthy(value) ? args.Required(0, "true_val") : args.Required(1, "false_val");
    }

    private static FluidValue FromJson(FluidValue value, Arguments args, RenderState state)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(Py.Str(value));
            return state.FromNative(JsonToNative(document.RootElement), state.Root, "from_json", args.Line);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw args.Error($"invalid JSON: {ex.Message}");
        }
    }

    // The plain value a dump writes, measured first: a value repeating itself would be expanded in full.
    private static object? Native(FluidValue value, Arguments args, RenderState state)
    {
        state.Budget.Size(value, args.Line);
        return Py.ToNative(value);
    }

    private static string ToJson(object? value, int? indent, bool sortKeys, Arguments args)
    {
        try
        {
            return JsonDumps.Write(value, new JsonDumpsOptions
            {
                Indent = indent,
                SortKeys = sortKeys ? JsonDumpsOptions.CodePointOrder : null,
                Fallback = JsonFallback,
            });
        }
        catch (InvalidOperationException e)
        {
            // A value JSON cannot hold, or one nested too deeply (a cycle).
            throw args.Error(e.Message);
        }
    }

    /// <summary>What <c>to_json</c> writes for values JSON has no type for: a scope as its mapping, anything else as its <c>str()</c>.</summary>
    private static object? JsonFallback(object value) => value is IVariableScope scope
        ? scope.VariableNames.ToDictionary(n => n, n => scope.TryGetVariable(n, out var v) ? v : null)
        : PyText.Str(value);

    private static object? JsonToNative(System.Text.Json.JsonElement e) => e.ValueKind switch
    {
        System.Text.Json.JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => JsonToNative(p.Value)),
        System.Text.Json.JsonValueKind.Array => e.EnumerateArray().Select(JsonToNative).ToList(),
        System.Text.Json.JsonValueKind.String => e.GetString(),
        System.Text.Json.JsonValueKind.Number => e.TryGetInt64(out var l) ? l : e.GetDouble(),
        System.Text.Json.JsonValueKind.True => true,
        System.Text.Json.JsonValueKind.False => false,
        _ => null,
    };

    private static FluidValue FromYaml(FluidValue value, Arguments args, RenderState state)
    {
        try
        {
            return state.FromNative(YamlLoader.Load(Py.Str(value), AnsibleYamlProfile.Vars), DictionaryVariableScope.Empty, "from_yaml", args.Line);
        }
        catch (YamlLoadException ex)
        {
            throw args.Error($"invalid YAML at line {ex.Line}: {ex.Message}");
        }
    }

    private static FluidValue Combine(FluidValue value, Arguments args, RenderState state)
    {
        var recursive = args.Named.TryGetValue("recursive", out var r) && Py.Truthy(r);
        var result = Values.Mapping(value, args);
        foreach (var other in args.Positional)
        {
            var sources = other is ArrayValue list ? list.Values : [other];
            foreach (var source in sources)
            {
                result = Merge(result, Values.Mapping(source, args), recursive, args.Line);
            }
        }

        return result;
    }

    private static MappingValue Merge(MappingValue left, MappingValue right, bool recursive, int line)
    {
        var entries = left.Items(line).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var order = left.Keys.ToList();
        foreach (var (key, value) in right.Items(line))
        {
            if (!entries.TryGetValue(key, out var existing))
            {
                order.Add(key);
                entries[key] = value;
            }
            else
            {
                entries[key] = recursive && existing is MappingValue a && value is MappingValue b ? Merge(a, b, recursive, line) : value;
            }
        }

        return new LiteralMappingValue(order.Select(k => new KeyValuePair<string, FluidValue>(k, entries[k])));
    }

    private static FluidValue DictToItems(FluidValue value, Arguments args, RenderState state)
    {
        var keyName = args.String(0, "key_name", "key");
        var valueName = args.String(1, "value_name", "value");
        return Values.List(Values.Mapping(value, args).Items(args.Line).Select(p => (FluidValue)new LiteralMappingValue(
        [
            new(keyName, Values.Text(p.Key)),
            new(valueName, p.Value),
        ])));
    }

    private static FluidValue ItemsToDict(FluidValue value, Arguments args, RenderState state)
    {
        var keyName = args.String(0, "key_name", "key");
        var valueName = args.String(1, "value_name", "value");
        return new LiteralMappingValue(Values.Items(value, args).Select(item =>
        {
            var mapping = Values.Mapping(item, args);
            if (!mapping.TryGet(keyName, args.Line, out var k) || !mapping.TryGet(valueName, args.Line, out var v))
            {
                throw args.Error($"each item needs '{keyName}' and '{valueName}'");
            }

            return new KeyValuePair<string, FluidValue>(Py.Str(k), v);
        }));
    }

    private static Regex BuildRegex(string pattern, Arguments args, int ignoreCaseIndex, int multilineIndex)
    {
        var options = RegexOptions.CultureInvariant;
        if (args.Bool(ignoreCaseIndex, "ignorecase", false))
        {
            options |= RegexOptions.IgnoreCase;
        }

        if (args.Bool(multilineIndex, "multiline", false))
        {
            options |= RegexOptions.Multiline;
        }

        try
        {
            // Python's named groups (?P<name>...) and back-references (?P=name) in .NET spelling.
            var translated = pattern.Replace("(?P<", "(?<", StringComparison.Ordinal);
            translated = Regex.Replace(translated, @"\(\?P=(\w+)\)", @"\k<$1>");
            return new Regex(translated, options, RegexTimeout);
        }
        catch (ArgumentException ex)
        {
            throw args.Error($"invalid regular expression: {ex.Message}");
        }
    }

    private static FluidValue RegexReplace(FluidValue value, Arguments args, RenderState state)
    {
        var regex = BuildRegex(Py.Str(args.Required(0, "pattern")), args, 2, 3);
        var replacement = args.String(1, "replacement", string.Empty);
        var dotnet = Regex.Replace(replacement.Replace("$", "$$", StringComparison.Ordinal), @"\\(\d+)|\\g<(\w+)>", m => m.Groups[1].Success ? "${" + m.Groups[1].Value + "}" : "${" + m.Groups[2].Value + "}");
        var text = Py.Str(value);
        long length = text.Length;
        return Values.Text(regex.Replace(text, m =>
        {
            var replaced = m.Result(dotnet);
            length += replaced.Length - m.Length;
            state.Budget.Text(length, args.Line);
            return replaced;
        }));
    }

    private static FluidValue RegexSearch(FluidValue value, Arguments args, RenderState state)
    {
        var regex = BuildRegex(Py.Str(args.Required(0, "pattern")), args, -1, -1);
        var match = regex.Match(Py.Str(value));
        if (!match.Success)
        {
            return NilValue.Instance;
        }

        var groups = args.Positional.Skip(1).Select(Py.Str).ToList();
        if (groups.Count == 0)
        {
            return Values.Text(match.Value);
        }

        return Values.List(groups.Select(g => (FluidValue)Values.Text(g.StartsWith('\\') ? match.Groups[int.Parse(g[1..], System.Globalization.CultureInfo.InvariantCulture)].Value : match.Groups[g.Replace("\\g<", string.Empty, StringComparison.Ordinal).TrimEnd('>')].Value)));
    }

    private static string Basename(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? path : path[(slash + 1)..];
    }

    private static string Dirname(string path)
    {
        var slash = path.LastIndexOf('/');
        if (slash < 0)
        {
            return string.Empty;
        }

        var head = path[..(slash + 1)];
        return head.Trim('/').Length == 0 ? head : head.TrimEnd('/');
    }

    private static FluidValue Split(FluidValue value, Arguments args, RenderState state)
    {
        var text = Py.Str(value);
        var separator = args.Find(0, "sep");
        var max = args.Int(1, "maxsplit", -1);
        return Values.List(PyStrings.Split(text, separator is null || Py.IsNone(separator) ? null : Py.Str(separator), max, args).Select(s => (FluidValue)Values.Text(s)));
    }

    private static IEnumerable<FluidValue> Flatten(IEnumerable<FluidValue> items, int levels, int line)
    {
        foreach (var item in items)
        {
            if (item is ArrayValue nested && levels > 0)
            {
                foreach (var inner in Flatten(nested.Values, levels - 1, line))
                {
                    yield return inner;
                }
            }
            else if (!Py.IsNone(item))
            {
                yield return item;
            }
        }
    }

    private static List<FluidValue> Distinct(IEnumerable<FluidValue> items)
    {
        var result = new List<FluidValue>();
        foreach (var item in items)
        {
            if (!result.Any(r => Py.Equal(r, item)))
            {
                result.Add(item);
            }
        }

        return result;
    }

    private static FluidValue SymmetricDifference(FluidValue value, Arguments args, RenderState state)
    {
        var left = Values.Items(value, args);
        var right = Values.Items(args.Required(0, "other"), args);
        return Values.List(Distinct(left.Where(i => !right.Any(o => Py.Equal(o, i))).Concat(right.Where(i => !left.Any(o => Py.Equal(o, i))))));
    }

    private static byte[] Decode64(string text, Arguments args)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw args.Error("input is not valid base64");
        }
    }
}
