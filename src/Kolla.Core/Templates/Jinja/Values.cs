using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>Small helpers shared by filters, tests and methods.</summary>
internal static class Values
{
    public static ArrayValue List(IEnumerable<FluidValue> items) => new([.. items]);

    public static StringValue Text(string s) => new(s);

    public static IReadOnlyList<FluidValue> Items(FluidValue value, Arguments args) => value switch
    {
        JinjaUndefined u => throw u.Error(),
        _ when Py.IsNone(value) => throw args.Error("expected a list, got None"),
        _ => Py.Iterate(value, args.Line),
    };

    public static MappingValue Mapping(FluidValue value, Arguments args) => Py.Defined(value) as MappingValue
        ?? throw args.Error($"expected a dict, got '{Py.TypeName(value)}'");

    /// <summary>Follows a dotted attribute path (<c>a.b.0</c>) the way Jinja's <c>attribute=</c> arguments do.</summary>
    public static FluidValue Attribute(FluidValue item, string path, int line)
    {
        var current = item;
        foreach (var part in path.Split('.'))
        {
            switch (current)
            {
                case MappingValue m when m.TryGet(part, line, out var next):
                    current = next;
                    break;
                case ArrayValue a when int.TryParse(part, out var i) && i >= 0 && i < a.Values.Count:
                    current = a.Values[i];
                    break;
                default:
                    return new JinjaUndefined($"{Py.Repr(item)}.{path}", line);
            }
        }

        return current;
    }

    /// <summary>Sort/unique key: lower-cased text unless case-sensitive.</summary>
    public static FluidValue CaseKey(FluidValue value, bool caseSensitive) =>
        !caseSensitive && value is StringValue s ? new StringValue(s.ToStringValue().ToLowerInvariant()) : value;
}
