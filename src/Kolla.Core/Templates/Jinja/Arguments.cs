using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>Evaluated arguments of a filter, test, function or method call (positional and keyword).</summary>
internal sealed class Arguments(string callee, IReadOnlyList<FluidValue> positional, IReadOnlyDictionary<string, FluidValue> named, int line)
{
    public static IReadOnlyDictionary<string, FluidValue> NoNames { get; } = new Dictionary<string, FluidValue>();

    public string Callee { get; } = callee;

    public int Line { get; } = line;

    public IReadOnlyList<FluidValue> Positional { get; } = positional;

    public IReadOnlyDictionary<string, FluidValue> Named { get; } = named;

    public FluidValue? Find(int index, string name)
    {
        if (Named.TryGetValue(name, out var value))
        {
            return value;
        }

        return index >= 0 && index < Positional.Count ? Positional[index] : null;
    }

    public FluidValue Get(int index, string name, FluidValue fallback) => Find(index, name) ?? fallback;

    public FluidValue Required(int index, string name) =>
        Find(index, name) ?? throw Error($"missing required argument '{name}'");

    public string String(int index, string name, string fallback)
    {
        var value = Find(index, name);
        return value is null ? fallback : Py.Str(value);
    }

    public bool Bool(int index, string name, bool fallback)
    {
        var value = Find(index, name);
        return value is null ? fallback : Py.Truthy(value);
    }

    public int Int(int index, string name, int fallback)
    {
        var value = Find(index, name);
        if (value is null || Py.IsNone(value))
        {
            return fallback;
        }

        return Py.IsNumeric(Py.Defined(value)) ? (int)Py.NumericValue(value) : throw Error($"argument '{name}' must be a number");
    }

    public TemplateRuntimeException Error(string message) => new($"{Callee}: {message}", Line);
}
