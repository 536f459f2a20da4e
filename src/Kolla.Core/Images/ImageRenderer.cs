using System.Text;
using System.Text.RegularExpressions;
using Kolla.Templates;
using Kolla.Variables;

namespace Kolla.Images;

/// <summary>
/// Renders image templates: each image's <c>Dockerfile.j2</c> (through the operator's template overrides, if any)
/// and its other <c>.j2</c> files, then finds its parent from the first <c>FROM</c>.
/// </summary>
/// <remarks>
/// Overrides follow kolla-build: the first file is used whole, later ones are appended without their
/// <c>{% extends %}</c> line, and the result is rendered once per image with <c>parent_template</c> set to that
/// image's template, so blocks such as <c>&lt;image&gt;_header</c> or <c>footer</c> land in every image that has them.
/// </remarks>
internal sealed partial class ImageRenderer
{
    private readonly ImageTree _tree;
    private readonly ImageBuildSettings _settings;
    private readonly TemplateRenderer _renderer = new(new TemplateRendererOptions { KeepTrailingNewline = true, PadTrailingNewlines = false });
    private readonly CompiledTemplate? _override;

    /// <summary>Creates a renderer for a tree.</summary>
    /// <exception cref="TemplateException">An override does not parse.</exception>
    public ImageRenderer(ImageTree tree, ImageBuildSettings settings, IReadOnlyList<TemplateOverride>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(settings);
        _tree = tree;
        _settings = settings;
        if (overrides is { Count: > 0 })
        {
            var text = new StringBuilder(overrides[0].Text);
            foreach (var more in overrides.Skip(1))
            {
                text.Append('\n').Append(ExtendsLine().Replace(more.Text, string.Empty));
            }

            _override = _renderer.Compile(text.ToString(), string.Join(" + ", overrides.Select(o => o.Path)));
        }
    }

    /// <summary>Renders every image of the tree.</summary>
    /// <exception cref="ImageBuildException">A template fails, or a <c>FROM</c> names an image that is not in the tree.</exception>
    public IReadOnlyList<RenderedImage> RenderAll() => _tree.Images.Keys.Order(StringComparer.Ordinal).Select(Render).ToList();

    /// <summary>Renders one image.</summary>
    /// <exception cref="ImageBuildException">A template fails, or a <c>FROM</c> names an image that is not in the tree.</exception>
    public RenderedImage Render(string name)
    {
        var image = _tree.Images.TryGetValue(name, out var found) ? found : throw new ImageBuildException(null, 0, $"no image '{name}' in {_tree.Source}");
        var values = _settings.TemplateValues(name);
        string dockerfile;
        try
        {
            var template = _renderer.Compile(image.Template, image.TemplatePath);
            if (_override is null)
            {
                dockerfile = template.Render(new DictionaryVariableScope(values));
            }
            else
            {
                values["parent_template"] = template;
                dockerfile = _override.Render(new DictionaryVariableScope(values));
            }
        }
        catch (TemplateException ex)
        {
            throw new ImageBuildException(ex.File, ex.Line, _override is null ? ex.Reason : $"{ex.Reason} (rendering image '{name}')");
        }

        var files = new List<ImageFile>();
        foreach (var file in image.Files)
        {
            if (!file.Path.EndsWith(".j2", StringComparison.Ordinal))
            {
                files.Add(file);
                continue;
            }

            var path = TemplatePathOf(image, file.Path);
            var source = Encoding.UTF8.GetString(file.Content.Span);
            string text;
            try
            {
                text = _renderer.Render(source, path, new DictionaryVariableScope(_settings.TemplateValues(name)));
            }
            catch (TemplateException ex)
            {
                throw new ImageBuildException(ex.File, ex.Line, ex.Reason);
            }

            files.Add(file with { Path = file.Path[..^3], Content = Encoding.UTF8.GetBytes(text) });
        }

        var (from, line) = FirstFrom(dockerfile, image.TemplatePath);
        return new RenderedImage(name, _settings.ImageReference(name), image.TemplatePath, dockerfile, files, from, line, ParentOf(from, line, image));
    }

    private static string TemplatePathOf(ImageDefinition image, string file) =>
        image.TemplatePath[..^ImageTreeLoader.DockerfileTemplate.Length] + file;

    private string? ParentOf(string from, int line, ImageDefinition image)
    {
        var prefix = $"{_settings.QualifiedNamespace}/{_settings.ImagePrefix}";
        var suffix = ":" + _settings.EffectiveTag;
        if (from == _settings.EffectiveBaseImage || !from.StartsWith(prefix, StringComparison.Ordinal) || !from.EndsWith(suffix, StringComparison.Ordinal)
            || from.Length <= prefix.Length + suffix.Length)
        {
            return null;
        }

        var parent = from[prefix.Length..^suffix.Length];
        if (!_tree.Images.ContainsKey(parent))
        {
            throw new ImageBuildException(image.TemplatePath, line, $"FROM {from}: there is no image '{parent}' in {_tree.Source} (rendered Dockerfile line {line})");
        }

        return parent;
    }

    private static (string From, int Line) FirstFrom(string dockerfile, string templatePath)
    {
        var lines = dockerfile.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = FromLine().Match(lines[i]);
            if (match.Success)
            {
                return (match.Groups["image"].Value, i + 1);
            }
        }

        throw new ImageBuildException(templatePath, 0, "the rendered Dockerfile has no FROM line");
    }

    [GeneratedRegex(@"^\s*FROM\s+(?:--\S+\s+)*(?<image>\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex FromLine();

    [GeneratedRegex(@"^[ \t]*\{%-?\s*extends\s[^%]*%\}[ \t]*\r?\n?", RegexOptions.Multiline)]
    private static partial Regex ExtendsLine();
}
