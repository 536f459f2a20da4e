using System.Text.RegularExpressions;
using Kolla.Services;

namespace Kolla.Tests.Services;

/// <summary>
/// Follows plain <c>{{ name }}</c> references through a service's defaults and the common defaults, far enough
/// to read the image repository out of an image expression (no Jinja engine needed).
/// </summary>
internal static partial class ImageExpressions
{
    public const string ImageUrl = "REGISTRY/";

    public static string Resolve(string expression, ServiceDefinition service, ServiceCatalogue catalogue)
    {
        var text = expression;
        for (var depth = 0; depth < 20; depth++)
        {
            var replaced = Reference().Replace(text, m =>
            {
                var name = m.Groups[1].Value;
                if (name == "docker_image_url")
                {
                    return ImageUrl;
                }

                var value = service.Defaults.GetValueOrDefault(name) ?? catalogue.CommonDefaults.GetValueOrDefault(name);
                return value as string ?? m.Value;
            });
            if (replaced == text)
            {
                return text;
            }

            text = replaced;
        }

        return text;
    }

    /// <summary>The repository name of a resolved image reference (<c>REGISTRY/nova-api:TAG</c> gives <c>nova-api</c>).</summary>
    public static string Repository(string resolved)
    {
        resolved.Should().StartWith(ImageUrl);
        var rest = resolved[ImageUrl.Length..];
        return rest[..rest.IndexOf(':', StringComparison.Ordinal)];
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex Reference();
}
