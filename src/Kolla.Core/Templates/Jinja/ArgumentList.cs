using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>The argument expressions of a call, as parsed.</summary>
internal sealed class ArgumentList(IReadOnlyList<JinjaExpression> positional, IReadOnlyList<(string Name, JinjaExpression Value)> named)
{
    public static ArgumentList Empty { get; } = new([], []);

    public IReadOnlyList<JinjaExpression> Positional { get; } = positional;

    public IReadOnlyList<(string Name, JinjaExpression Value)> Named { get; } = named;

    public Arguments Evaluate(RenderState state, string callee, int line)
    {
        var values = Positional.Count == 0 ? [] : Positional.Select(p => p.Evaluate(state)).ToArray();
        IReadOnlyDictionary<string, FluidValue> names = Named.Count == 0
            ? Arguments.NoNames
            : Named.ToDictionary(n => n.Name, n => n.Value.Evaluate(state), StringComparer.Ordinal);
        return new Arguments(callee, values, names, line);
    }
}
