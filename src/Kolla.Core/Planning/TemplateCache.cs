using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Kolla.Templates;
using Kolla.Variables;

namespace Kolla.Planning;

/// <summary>Compiles each template source once per plan (the same template renders for every host).</summary>
/// <remarks>
/// Found by the source text's identity first: the catalogue and the override tree hand out one string per file, so a
/// render does not hash and compare the whole text (kilobytes) for every host; a text seen as another string with the same
/// content is compiled once all the same.
/// </remarks>
internal sealed class TemplateCache(TemplateRenderer renderer)
{
    private readonly ConcurrentDictionary<(string Name, string Text), CompiledTemplate> _compiled = new();
    private readonly ConcurrentDictionary<(string Name, string Text), CompiledTemplate> _byIdentity = new(SameText.Instance);

    public TemplateRenderer Renderer => renderer;

    public string Render(string name, string text, IVariableScope scope)
    {
        if (!_byIdentity.TryGetValue((name, text), out var compiled))
        {
            compiled = _byIdentity.GetOrAdd((name, text), _compiled.GetOrAdd((name, text), key => renderer.Compile(key.Text, key.Name)));
        }

        return compiled.Render(scope);
    }

    /// <summary>The same text (the same string object) under an equal name.</summary>
    private sealed class SameText : IEqualityComparer<(string Name, string Text)>
    {
        public static SameText Instance { get; } = new();

        public bool Equals((string Name, string Text) x, (string Name, string Text) y) =>
            ReferenceEquals(x.Text, y.Text) && string.Equals(x.Name, y.Name, StringComparison.Ordinal);

        public int GetHashCode((string Name, string Text) key) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(key.Text), StringComparer.Ordinal.GetHashCode(key.Name));
    }
}
