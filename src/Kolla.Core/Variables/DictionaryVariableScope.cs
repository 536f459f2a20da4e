namespace Kolla.Variables;

/// <summary>An <see cref="IVariableScope"/> over a plain dictionary.</summary>
/// <param name="values">The variables.</param>
internal sealed class DictionaryVariableScope(IReadOnlyDictionary<string, object?> values) : IVariableScope
{
    /// <summary>An empty scope.</summary>
    public static DictionaryVariableScope Empty { get; } = new(new Dictionary<string, object?>());

    /// <inheritdoc />
    public IEnumerable<string> VariableNames => values.Keys;

    /// <inheritdoc />
    public bool TryGetVariable(string name, out object? value) => values.TryGetValue(name, out value);
}
