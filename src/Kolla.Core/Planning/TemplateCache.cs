using System.Collections.Concurrent;
using Kolla.Templates;
using Kolla.Variables;

namespace Kolla.Planning;

/// <summary>Compiles each template source once per plan (the same template renders for every host).</summary>
internal sealed class TemplateCache(TemplateRenderer renderer)
{
    private readonly ConcurrentDictionary<(string Name, string Text), CompiledTemplate> _compiled = new();

    public TemplateRenderer Renderer => renderer;

    public string Render(string name, string text, IVariableScope scope) =>
        _compiled.GetOrAdd((name, text), key => renderer.Compile(key.Text, key.Name)).Render(scope);
}
