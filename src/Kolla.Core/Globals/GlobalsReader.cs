using System.Globalization;
using System.Text.RegularExpressions;
using Kolla.Compat;
using Kolla.Templates;
using Kolla.Variables;

namespace Kolla.Globals;

/// <summary>Loads and checks <c>globals.yml</c>: types of known keys, then the globals the library interprets, evaluated over the defaults.</summary>
internal static partial class GlobalsReader
{
    [GeneratedRegex(@"\b[a-z_][a-z0-9_]*\b", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    public static KollaGlobals Read(string yaml, string fileName, string? configDirectory)
    {
        YamlDocument document;
        try
        {
            document = YamlLoader.Read(yaml, AnsibleYamlProfile.Vars);
        }
        catch (YamlLoadException ex)
        {
            throw new GlobalsException(fileName, ex.Line, null, $"invalid YAML: {ex.Message}");
        }

        var values = document.Root switch
        {
            null => new OrderedDictionary<string, object?>(StringComparer.Ordinal),
            OrderedDictionary<string, object?> map => map,
            _ => throw new GlobalsException(fileName, 1, null, "globals must be a mapping of variable names to values"),
        };

        foreach (var (key, info) in document.Keys.OrderBy(k => k.Value.Line))
        {
            values[key] = CheckRaw(fileName, key, values[key], info);
        }

        var context = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (configDirectory is not null)
        {
            context["CONFIG_DIR"] = configDirectory;
        }

        var scope = new LayeredVariableScope(GlobalsDefaults.Values, values, context);
        var evaluator = new Evaluator(fileName, document.Keys, values, scope);

        // Evaluate what globals.yml itself sets first, in file order, so an error points at the line that caused it.
        foreach (var (key, _) in document.Keys.OrderBy(k => k.Value.Line))
        {
            if (GlobalsSchema.KindOf(key) is { } kind)
            {
                evaluator.Typed(key, kind);
            }
        }

        // Then every flag and what the library itself interprets (defaults included), and only then the allowed values, so
        // an evaluation error is reported as such.
        var enabled = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var key in GlobalsDefaults.Values.Keys.Concat(values.Keys).Distinct(StringComparer.Ordinal).Where(k => k.StartsWith("enable_", StringComparison.Ordinal)))
        {
            enabled[key] = evaluator.Flag(key);
        }

        var checkedValues = GlobalsSchema.Checks.Select(check => (check, Value: evaluator.Typed(check.Key, check.Kind))).ToList();
        foreach (var (check, value) in checkedValues)
        {
            if (check.Problem(value) is { } problem)
            {
                throw new GlobalsException(fileName, evaluator.LineFor(check.Key), check.Key, problem);
            }
        }

        var warnings = document.Warnings.Select(w => $"{fileName}:{w.Line}: {w.Message}").ToList();
        return new KollaGlobals(
            fileName,
            new System.Collections.ObjectModel.ReadOnlyDictionary<string, object?>(values),
            context,
            enabled,
            warnings,
            document.Keys.ToDictionary(k => k.Key, k => k.Value.Line, StringComparer.Ordinal));
    }

    private static object? CheckRaw(string fileName, string key, object? value, YamlKeyInfo info)
    {
        if (GlobalsSchema.KindOf(key) is not { } kind || value is string s && TemplateTextIsTemplated(s))
        {
            return value;
        }

        var ok = kind switch
        {
            GlobalKind.Boolean => value is null || AnsibleBoolean.TryParse(value, out _),
            GlobalKind.Integer => value is long || (value is string text && long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)),
            GlobalKind.Mapping => value is IReadOnlyDictionary<string, object?>,
            GlobalKind.List => IsList(value),
            _ => value is null or string or bool or long or double,
        };
        if (!ok)
        {
            throw new GlobalsException(fileName, info.Line, key, $"'{key}' must be {GlobalsSchema.Describe(kind)}, got {Describe(value)}");
        }

        // A number where text is expected keeps the spelling it was written with (2025.10 stays "2025.10").
        if (kind == GlobalKind.Text && value is long or double && info.ScalarText is { } written)
        {
            return written;
        }

        return value;
    }

    private static bool TemplateTextIsTemplated(string s) =>
        s.Contains("{{", StringComparison.Ordinal) || s.Contains("{%", StringComparison.Ordinal);

    private static bool IsList(object? value) => value is System.Collections.IList and not IReadOnlyDictionary<string, object?>;

    private static string Describe(object? value) => value switch
    {
        null => "nothing (null)",
        string s => $"'{s}'",
        IReadOnlyDictionary<string, object?> => "a mapping",
        System.Collections.IList => "a list",
        _ => $"'{PyText.Str(value)}'",
    };

    /// <summary>Evaluates globals through the template renderer and reports failures at the right line.</summary>
    private sealed class Evaluator(
        string fileName,
        IReadOnlyDictionary<string, YamlKeyInfo> keys,
        IReadOnlyDictionary<string, object?> values,
        IVariableScope scope)
    {
        private readonly TemplateRenderer _renderer = new();
        private readonly Dictionary<(string, GlobalKind), object?> _cache = [];

        public bool Flag(string key) => (bool)Typed(key, GlobalKind.Boolean)!;

        public object? Typed(string key, GlobalKind kind)
        {
            if (_cache.TryGetValue((key, kind), out var done))
            {
                return done;
            }

            var value = Resolve(key);
            object? typed = kind switch
            {
                GlobalKind.Boolean when value is null => false,
                GlobalKind.Boolean when AnsibleBoolean.TryParse(value, out var b) => b,
                GlobalKind.Integer when value is long l => l,
                GlobalKind.Integer when value is string s && long.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
                GlobalKind.Text when value is null or string or bool or long or double => value,
                GlobalKind.Mapping when value is IReadOnlyDictionary<string, object?> => value,
                GlobalKind.List when IsList(value) => value,
                _ => throw new GlobalsException(fileName, LineFor(key), key, $"'{key}' must be {GlobalsSchema.Describe(kind)}, got {Describe(value)}"),
            };
            _cache[(key, kind)] = typed;
            return typed;
        }

        private object? Resolve(string key)
        {
            try
            {
                return scope.TryGetVariable(key, out _) ? _renderer.ResolveVariable(scope, key) : null;
            }
            catch (TemplateException ex)
            {
                throw new GlobalsException(fileName, LineFor(key), key, $"cannot evaluate '{key}': {ex.Reason}");
            }
        }

        /// <summary>The key's own line, else the line of the first globals key its default refers to.</summary>
        public int LineFor(string key)
        {
            if (values.ContainsKey(key) && keys.TryGetValue(key, out var own))
            {
                return own.Line;
            }

            if (GlobalsDefaults.Values.TryGetValue(key, out var fallback) && fallback is string template)
            {
                foreach (Match m in Identifier().Matches(template))
                {
                    if (keys.TryGetValue(m.Value, out var referenced))
                    {
                        return referenced.Line;
                    }
                }
            }

            return 0;
        }
    }
}
