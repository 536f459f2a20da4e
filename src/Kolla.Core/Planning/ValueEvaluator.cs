using System.Globalization;
using Kolla.Compat;
using Kolla.Templates;
using Kolla.Variables;

namespace Kolla.Planning;

/// <summary>Turns catalogue values (Jinja text, lists, maps) into plain values for one host, as Ansible templates task arguments.</summary>
internal sealed class ValueEvaluator(TemplateRenderer renderer, IVariableScope scope, string where)
{
    public IVariableScope Scope => scope;

    /// <summary>The same evaluator reading <paramref name="variables"/> (a recording of its own scope).</summary>
    public ValueEvaluator With(IVariableScope variables) => new(renderer, variables, where);

    /// <summary>
    /// A string that is exactly one <c>{{ expr }}</c> evaluates to the expression's native value; other text renders to a
    /// string; lists and mappings are evaluated item by item (a health check's <c>test</c> list inside its mapping).
    /// </summary>
    public object? Evaluate(object? raw) => raw switch
    {
        string text => EvaluateText(text),
        IReadOnlyDictionary<string, object?> map => map.ToDictionary(p => p.Key, p => Evaluate(p.Value), StringComparer.Ordinal),
        IEnumerable<object?> list => list.Select(Evaluate).ToList(),
        _ => raw,
    };

    public string Text(string raw) => Stringify(EvaluateText(raw));

    public string? OptionalText(string? raw) => raw is null ? null : Text(raw);

    public bool Bool(string raw)
    {
        var value = EvaluateText(raw);
        return AnsibleBoolean.TryParse(value, out var result)
            ? result
            : throw new PlanningException($"{where}: '{raw}' is not a boolean (got '{Stringify(value)}')");
    }

    public bool Bool(object? raw, bool fallback) => raw switch
    {
        null => fallback,
        bool b => b,
        string s => Bool(s),
        _ => AnsibleBoolean.TryParse(raw, out var result) ? result : fallback,
    };

    public static string Stringify(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "True" : "False",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => PyText.Str(value),
    };

    private object? EvaluateText(string text)
    {
        if (!text.Contains("{{", StringComparison.Ordinal) && !text.Contains("{%", StringComparison.Ordinal))
        {
            return text;
        }

        var trimmed = text.Trim();
        if (trimmed.StartsWith("{{", StringComparison.Ordinal) && trimmed.EndsWith("}}", StringComparison.Ordinal)
            && trimmed.IndexOf("{{", 2, StringComparison.Ordinal) < 0 && !trimmed.Contains("{%", StringComparison.Ordinal))
        {
            return renderer.EvaluateExpression(trimmed[2..^2].Trim(), scope, where);
        }

        return renderer.RenderCached(text, where, scope);
    }
}
