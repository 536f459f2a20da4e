using System.Reflection;
using Kolla.Compat;

namespace Kolla.Services;

/// <summary>Loads the built-in catalogue (embedded in Kolla.Core) and overlays a directory of the caller's.</summary>
/// <remarks>
/// Overlay layout: <c>DIR/&lt;service&gt;/service.yml</c> adds a service or replaces a built-in one whole;
/// <c>DIR/&lt;service&gt;/templates/&lt;name&gt;</c> replaces one template of a built-in service (or adds one).
/// Nothing needs recompiling.
/// </remarks>
internal static class ServiceCatalogueLoader
{
    private const string ResourcePrefix = "Kolla.Catalogue/";
    private const string IndexName = "index.yml";
    private const string DefaultsName = "defaults.yml";

    /// <summary>Loads the built-in catalogue.</summary>
    public static ServiceCatalogue LoadBuiltIn() => ServiceCatalogue.Create(ReadBuiltIn().Values, ReadBuiltInDefaults());

    /// <summary>Loads the built-in catalogue overlaid by <paramref name="overlayDirectory"/> (null = none).</summary>
    /// <exception cref="CatalogueException">A definition is malformed (names file and line), or a file cannot be read or is larger than the document limit.</exception>
    public static async Task<ServiceCatalogue> LoadAsync(string? overlayDirectory, CancellationToken cancellationToken = default)
    {
        var services = ReadBuiltIn();
        var defaults = ReadBuiltInDefaults();
        if (overlayDirectory is null)
        {
            return ServiceCatalogue.Create(services.Values, defaults);
        }

        if (!Directory.Exists(overlayDirectory))
        {
            throw new CatalogueException(overlayDirectory, 0, "catalogue directory does not exist");
        }

        var defaultsFile = Path.Combine(overlayDirectory, DefaultsName);
        if (File.Exists(defaultsFile))
        {
            var extra = ReadDefaults(defaultsFile, await ReadAsync(defaultsFile, cancellationToken).ConfigureAwait(false));
            foreach (var (key, value) in extra)
            {
                defaults[key] = value;
            }
        }

        foreach (var serviceDirectory in Directory.GetDirectories(overlayDirectory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(serviceDirectory);
            var templates = new Dictionary<string, string>(StringComparer.Ordinal);
            if (services.TryGetValue(name, out var builtIn))
            {
                foreach (var (key, value) in builtIn.Templates)
                {
                    templates[key] = value;
                }
            }

            var templateDirectory = Path.Combine(serviceDirectory, "templates");
            if (Directory.Exists(templateDirectory))
            {
                foreach (var file in Directory.GetFiles(templateDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    var relative = Path.GetRelativePath(templateDirectory, file).Replace('\\', '/');
                    templates[relative] = await ReadAsync(file, cancellationToken).ConfigureAwait(false);
                }
            }

            var definitionFile = Path.Combine(serviceDirectory, "service.yml");
            if (File.Exists(definitionFile))
            {
                var yaml = await ReadAsync(definitionFile, cancellationToken).ConfigureAwait(false);
                services[name] = Check(ServiceDefinitionReader.Read(definitionFile, yaml, templates), name);
            }
            else if (builtIn is not null)
            {
                services[name] = builtIn with { Templates = templates };
            }
            else
            {
                throw new CatalogueException(serviceDirectory, 0, $"'{name}' is not a built-in service, so it needs a service.yml");
            }
        }

        return ServiceCatalogue.Create(services.Values, defaults);
    }

    // An overlay file, at most the document limit long; a file that cannot be read names itself.
    private static async Task<string> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await InputFile.ReadAllTextAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CatalogueException(path, 0, $"cannot read the file: {e.Message}");
        }
    }

    private static Dictionary<string, object?> ReadBuiltInDefaults()
    {
        var assembly = typeof(ServiceCatalogueLoader).Assembly;
        return assembly.GetManifestResourceNames().Contains(ResourcePrefix + DefaultsName)
            ? ReadDefaults("catalogue/" + DefaultsName, ReadResource(assembly, ResourcePrefix + DefaultsName))
            : new Dictionary<string, object?>(StringComparer.Ordinal);
    }

    private static Dictionary<string, object?> ReadDefaults(string source, string yaml)
    {
        var nodes = new YamlNodes((line, message) => new CatalogueException(source, line, message));
        return nodes.Parse(yaml) is { } root
            ? (Dictionary<string, object?>)nodes.Plain(nodes.Mapping(root, "defaults"))!
            : new Dictionary<string, object?>(StringComparer.Ordinal);
    }

    private static ServiceDefinition Check(ServiceDefinition definition, string directoryName) =>
        definition.Name == directoryName
            ? definition
            : throw new CatalogueException(definition.Source, 0, $"service '{definition.Name}' must live in a directory named '{definition.Name}', not '{directoryName}'");

    private static Dictionary<string, ServiceDefinition> ReadBuiltIn()
    {
        var assembly = typeof(ServiceCatalogueLoader).Assembly;
        var resources = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToDictionary(n => n[ResourcePrefix.Length..], n => n, StringComparer.Ordinal);
        var order = resources.TryGetValue(IndexName, out var index)
            ? ReadResource(assembly, index).Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..].Trim()).ToList()
            : [];
        var names = resources.Keys
            .Where(k => k.EndsWith("/service.yml", StringComparison.Ordinal))
            .Select(k => k[..k.IndexOf('/', StringComparison.Ordinal)])
            .OrderBy(n => order.IndexOf(n) is var i && i < 0 ? int.MaxValue : i)
            .ThenBy(n => n, StringComparer.Ordinal);
        var services = new Dictionary<string, ServiceDefinition>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var templatePrefix = $"{name}/templates/";
            var templates = resources
                .Where(r => r.Key.StartsWith(templatePrefix, StringComparison.Ordinal))
                .ToDictionary(r => r.Key[templatePrefix.Length..], r => ReadResource(assembly, r.Value), StringComparer.Ordinal);
            var source = $"catalogue/{name}/service.yml";
            services[name] = ServiceDefinitionReader.Read(source, ReadResource(assembly, resources[$"{name}/service.yml"]), templates);
        }

        return services;
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
