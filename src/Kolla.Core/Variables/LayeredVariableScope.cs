namespace Kolla.Variables;

/// <summary>
/// Stacks dictionaries so a name resolves from the highest layer that has it, without copying.
/// </summary>
/// <remarks>Layers are given lowest precedence first, like Ansible's variable precedence list.</remarks>
internal sealed class LayeredVariableScope : IVariableScope
{
    private readonly IReadOnlyDictionary<string, object?>[] _layers;

    /// <summary>Creates the scope; <paramref name="layersLowestFirst"/> are searched last to first.</summary>
    public LayeredVariableScope(params IReadOnlyList<IReadOnlyDictionary<string, object?>> layersLowestFirst)
    {
        _layers = [.. layersLowestFirst];
    }

    /// <inheritdoc />
    public IEnumerable<string> VariableNames
    {
        get
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var layer in _layers)
            {
                foreach (var key in layer.Keys)
                {
                    if (seen.Add(key))
                    {
                        yield return key;
                    }
                }
            }
        }
    }

    /// <inheritdoc />
    public bool TryGetVariable(string name, out object? value)
    {
        for (var i = _layers.Length - 1; i >= 0; i--)
        {
            if (_layers[i].TryGetValue(name, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }
}
