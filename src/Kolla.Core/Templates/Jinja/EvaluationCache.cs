using Fluid.Values;
using Kolla.Variables;

namespace Kolla.Templates.Jinja;

/// <summary>
/// State shared by one render and the lazy variable evaluations it triggers: computed values (so a
/// templated variable is evaluated once per render), the evaluations in progress (to catch loops) and the secret taint.
/// </summary>
internal sealed class EvaluationCache(KollaLimits limits)
{
    /// <summary>What the render may still spend.</summary>
    public RenderBudget Budget { get; } = new(limits);

    public Dictionary<(IVariableScope Scope, string Path), FluidValue> Values { get; } = [];

    public HashSet<(IVariableScope Scope, string Path)> InProgress { get; } = [];

    /// <summary>Which values carry a secret; created by the first secret read (null: none read yet).</summary>
    public TaintTracker? Taint { get; set; }
}
