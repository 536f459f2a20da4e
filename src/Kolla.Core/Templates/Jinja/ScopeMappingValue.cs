using Fluid.Values;
using Kolla.Variables;

namespace Kolla.Templates.Jinja;

/// <summary>A whole variable scope seen as a dict (for example <c>hostvars['node1']</c>).</summary>
internal sealed class ScopeMappingValue(IVariableScope scope, RenderState state) : MappingValue
{
    public IVariableScope Scope { get; } = scope;

    public override IEnumerable<string> Keys => Scope.VariableNames;

    public override int Count => Scope.VariableNames.Count();

    public override bool TryGet(string key, int line, out FluidValue value) =>
        state.TryGetFromScope(Scope, key, key, line, out value);
}
