using Kolla.Compat;
using Kolla.Containers;
using Kolla.Templates;
using Kolla.Variables;

namespace Kolla.Globals;

/// <summary>
/// Names container images exactly as kolla-ansible does: <c>docker_image_url</c> (<c>[registry/]namespace/prefix</c>)
/// + image name, tagged <c>&lt;svc&gt;_tag</c> → <c>&lt;project&gt;_tag</c> → <c>openstack_tag</c>; each level
/// (<c>&lt;svc&gt;_image</c>, <c>&lt;svc&gt;_tag</c>, <c>&lt;project&gt;_tag</c>, <c>&lt;svc&gt;_image_full</c>) can be overridden.
/// </summary>
internal sealed class ImageNamer
{
    private readonly IVariableScope _variables;
    private readonly TemplateRenderer _renderer;

    /// <summary>Names images from any variable scope (globals, or one host's variables).</summary>
    public ImageNamer(IVariableScope variables, TemplateRenderer? renderer = null)
    {
        _variables = variables ?? throw new ArgumentNullException(nameof(variables));
        _renderer = renderer ?? new TemplateRenderer();
    }

    /// <summary>Names images from the globals.</summary>
    public ImageNamer(KollaGlobals globals)
        : this((globals ?? throw new ArgumentNullException(nameof(globals))).ToScope())
    {
    }

    /// <summary>The image of a container.</summary>
    /// <param name="imageName">The image's repository name, for example <c>nova-compute</c>.</param>
    /// <param name="serviceVariable">The variable prefix (<c>nova_compute</c>); defaults to the image name with <c>-</c> as <c>_</c>.</param>
    /// <param name="project">The project whose <c>&lt;project&gt;_tag</c> applies (<c>nova</c>); defaults to the image name's first word.</param>
    /// <exception cref="TemplateException">An override or default could not be evaluated.</exception>
    /// <exception cref="FormatException">The resulting reference is malformed (for example an empty tag).</exception>
    public ImageReference Resolve(string imageName, string? serviceVariable = null, string? project = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(imageName);
        serviceVariable ??= imageName.Replace('-', '_');
        project ??= imageName.Split('-')[0].Replace('-', '_');
        if (Lookup($"{serviceVariable}_image_full") is { } full)
        {
            return ImageReference.Parse(full);
        }

        var image = Lookup($"{serviceVariable}_image") ?? ImageUrl() + imageName;
        var tag = Lookup($"{serviceVariable}_tag") ?? Lookup($"{project}_tag") ?? Lookup("openstack_tag")
            ?? throw new FormatException($"no tag for image '{imageName}': openstack_tag is not set");
        return ImageReference.Parse($"{image}:{tag}");
    }

    private string ImageUrl()
    {
        if (Lookup("docker_image_url") is { } url)
        {
            return url;
        }

        var registry = Lookup("docker_registry") ?? string.Empty;
        var ns = Lookup("docker_namespace") ?? "openstack.kolla";
        var prefix = Lookup("docker_image_name_prefix") ?? string.Empty;
        return (registry.Length > 0 ? registry + "/" : string.Empty) + ns + "/" + prefix;
    }

    private string? Lookup(string name) =>
        _renderer.TryResolveVariable(_variables, name, out var value) && value is not null && PyText.Str(value) is { Length: > 0 } text
            ? text
            : null;
}
