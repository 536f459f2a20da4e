using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>A test: <c>value is name(args)</c>.</summary>
/// <param name="Invoke">The implementation.</param>
/// <param name="AcceptsUndefined">True for tests that inspect definedness (<c>defined</c>, <c>undefined</c>).</param>
internal sealed record JinjaTest(Func<FluidValue, Arguments, RenderState, bool> Invoke, bool AcceptsUndefined = false);
