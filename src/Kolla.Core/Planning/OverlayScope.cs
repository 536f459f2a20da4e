using Kolla.Variables;

namespace Kolla.Planning;

/// <summary>A variable scope with a few values laid over another (<c>service_name</c> over a host's variables).</summary>
internal sealed class OverlayScope(IVariableScope inner, IReadOnlyDictionary<string, object?> top) : IVariableScope
{
    public IEnumerable<string> VariableNames => top.Keys.Concat(inner.VariableNames.Where(n => !top.ContainsKey(n)));

    public bool TryGetVariable(string name, out object? value) =>
        top.TryGetValue(name, out value) || inner.TryGetVariable(name, out value);
}
