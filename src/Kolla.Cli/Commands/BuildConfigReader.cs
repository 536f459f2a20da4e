using Kolla.Images;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Kolla.Cli.Commands;

/// <summary>Reads <c>--build-config</c>: a YAML mapping of extra template values.</summary>
internal static class BuildConfigReader
{
    public static Dictionary<string, object?> Read(string text, string file)
    {
        try
        {
            var values = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object?>?>(text);
            return new Dictionary<string, object?>(values ?? [], StringComparer.Ordinal);
        }
        catch (YamlException ex)
        {
            throw new ImageBuildException(file, (int)ex.Start.Line, $"the build config must be a mapping of template values: {ex.InnerException?.Message ?? ex.Message}");
        }
    }
}
