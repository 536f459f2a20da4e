using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>Every test usable after <c>is</c>: Jinja's and the Ansible ones kolla templates use.</summary>
internal static class JinjaTests
{
    public static FrozenDictionary<string, JinjaTest> All { get; } = Build();

    public static JinjaTest Get(string name, int line) =>
        All.TryGetValue(name, out var test) ? test : throw new TemplateRuntimeException($"unknown test '{name}'", line);

    private static FrozenDictionary<string, JinjaTest> Build()
    {
        var tests = new Dictionary<string, JinjaTest>(StringComparer.Ordinal)
        {
            ["defined"] = new((v, _, _) => v is not JinjaUndefined, AcceptsUndefined: true),
            ["undefined"] = new((v, _, _) => v is JinjaUndefined, AcceptsUndefined: true),
            ["none"] = new((v, _, _) => Py.IsNone(v)),
            ["boolean"] = new((v, _, _) => v is BooleanValue),
            ["true"] = new((v, _, _) => v is BooleanValue b && b.ToBooleanValue()),
            ["false"] = new((v, _, _) => v is BooleanValue b && !b.ToBooleanValue()),
            ["integer"] = new((v, _, _) => v is NumberValue n && !Py.IsFloat(n.ToNumberValue())),
            ["float"] = new((v, _, _) => v is NumberValue n && Py.IsFloat(n.ToNumberValue())),
            ["number"] = new((v, _, _) => v is NumberValue),
            ["string"] = new((v, _, _) => v is StringValue),
            ["mapping"] = new((v, _, _) => v is MappingValue),
            ["sequence"] = new((v, _, _) => v is ArrayValue or StringValue or MappingValue),
            ["iterable"] = new((v, _, _) => v is ArrayValue or StringValue or MappingValue),
            ["truthy"] = new((v, _, _) => Py.Truthy(v)),
            ["falsy"] = new((v, _, _) => !Py.Truthy(v)),
            ["even"] = new((v, a, _) => CoreFilters.Number(v, a) % 2 == 0),
            ["odd"] = new((v, a, _) => CoreFilters.Number(v, a) % 2 != 0),
            ["divisibleby"] = new((v, a, _) => CoreFilters.Number(v, a) % CoreFilters.Number(a.Required(0, "num"), a) == 0),
            ["lower"] = new((v, _, _) => Py.Str(v) == Py.Str(v).ToLowerInvariant()),
            ["upper"] = new((v, _, _) => Py.Str(v) == Py.Str(v).ToUpperInvariant()),
            ["in"] = new((v, a, _) => Py.Contains(a.Required(0, "seq"), v, a.Line)),
            ["contains"] = new((v, a, _) => Py.Contains(v, a.Required(0, "value"), a.Line)),
            ["match"] = new((v, a, _) => Regex.IsMatch(Py.Str(v), "^(?:" + Py.Str(a.Required(0, "pattern")) + ")", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2))),
            ["search"] = new((v, a, _) => Regex.IsMatch(Py.Str(v), Py.Str(a.Required(0, "pattern")), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2))),
        };
        var eq = new JinjaTest((v, a, _) => Py.Equal(v, a.Required(0, "other")));
        tests["eq"] = eq;
        tests["equalto"] = eq;
        tests["=="] = eq;
        var ne = new JinjaTest((v, a, _) => !Py.Equal(v, a.Required(0, "other")));
        tests["ne"] = ne;
        tests["!="] = ne;
        tests["lt"] = new((v, a, _) => Py.Compare(v, a.Required(0, "other"), "<", a.Line) < 0);
        tests["le"] = new((v, a, _) => Py.Compare(v, a.Required(0, "other"), "<=", a.Line) <= 0);
        tests["gt"] = new((v, a, _) => Py.Compare(v, a.Required(0, "other"), ">", a.Line) > 0);
        tests["ge"] = new((v, a, _) => Py.Compare(v, a.Required(0, "other"), ">=", a.Line) >= 0);
        tests["sameas"] = new((v, a, _) => Same(v, a.Required(0, "other")));
        return tests.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static bool Same(FluidValue a, FluidValue b) =>
        (a is BooleanValue x && b is BooleanValue y && x.ToBooleanValue() == y.ToBooleanValue())
        || (Py.IsNone(a) && Py.IsNone(b))
        || ReferenceEquals(a, b);
}
