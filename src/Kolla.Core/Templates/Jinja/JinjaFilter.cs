using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>A filter: <c>value | name(args)</c>.</summary>
/// <param name="Invoke">The implementation.</param>
/// <param name="AcceptsUndefined">True for filters that handle an undefined input (<c>default</c>, <c>mandatory</c>).</param>
internal sealed record JinjaFilter(Func<FluidValue, Arguments, RenderState, FluidValue> Invoke, bool AcceptsUndefined = false);
