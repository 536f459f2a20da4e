using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>One value a <see cref="TaintTracker"/> marked as carrying a secret, and how.</summary>
internal readonly record struct TaintMark(FluidValue Value, TaintKind Kind, TaintSpan[]? Spans);
