namespace Kolla.Services;

/// <summary>The services Kolla knows, in deploy order (a service comes after every service it names in <c>after</c>).</summary>
/// <remarks>
/// Immutable. Build one with <see cref="ServiceCatalogueLoader"/> (built-in definitions, optionally overlaid by a
/// directory) or from definitions of your own with <see cref="Create"/>.
/// </remarks>
public sealed class ServiceCatalogue
{
    private readonly Dictionary<string, ServiceDefinition> _byName;

    private ServiceCatalogue(IReadOnlyList<ServiceDefinition> ordered, IReadOnlyDictionary<string, object?> commonDefaults)
    {
        Services = ordered;
        CommonDefaults = commonDefaults;
        _byName = ordered.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    /// <summary>Variables every service may use (kolla-ansible's <c>group_vars/all</c>), lowest precedence, Jinja text.</summary>
    public IReadOnlyDictionary<string, object?> CommonDefaults { get; }

    /// <summary>Services in deploy order.</summary>
    public IReadOnlyList<ServiceDefinition> Services { get; }

    /// <summary>Looks a service up by name.</summary>
    public ServiceDefinition? Find(string name) => _byName.GetValueOrDefault(name);

    /// <param name="definitions">The services.</param>
    /// <param name="commonDefaults">Variables every service may use; none when null.</param>
    /// <summary>Creates a catalogue; definitions are ordered by their <c>after</c> lists, ties kept in the given order.</summary>
    /// <exception cref="CatalogueException">Two services share a name, a service names an unknown one in <c>after</c>, or the order has a cycle.</exception>
    public static ServiceCatalogue Create(IEnumerable<ServiceDefinition> definitions, IReadOnlyDictionary<string, object?>? commonDefaults = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var list = definitions.ToList();
        var byName = new Dictionary<string, ServiceDefinition>(StringComparer.Ordinal);
        foreach (var definition in list)
        {
            if (!byName.TryAdd(definition.Name, definition))
            {
                throw new CatalogueException(definition.Source, 0, $"service '{definition.Name}' is defined twice (also in {byName[definition.Name].Source})");
            }
        }

        foreach (var definition in list)
        {
            foreach (var dependency in definition.After.Where(d => !byName.ContainsKey(d)))
            {
                throw new CatalogueException(definition.Source, 0, $"service '{definition.Name}' comes after '{dependency}', which the catalogue does not define");
            }
        }

        var ordered = new List<ServiceDefinition>(list.Count);
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false = visiting, true = done
        void Visit(ServiceDefinition definition, Stack<string> path)
        {
            if (state.TryGetValue(definition.Name, out var done))
            {
                if (!done)
                {
                    throw new CatalogueException(definition.Source, 0, $"services depend on each other in a cycle: {string.Join(" -> ", path.Reverse().Append(definition.Name))}");
                }

                return;
            }

            state[definition.Name] = false;
            path.Push(definition.Name);
            foreach (var dependency in definition.After)
            {
                Visit(byName[dependency], path);
            }

            path.Pop();
            state[definition.Name] = true;
            ordered.Add(definition);
        }

        foreach (var definition in list)
        {
            Visit(definition, new Stack<string>());
        }

        return new ServiceCatalogue(ordered, commonDefaults ?? new Dictionary<string, object?>());
    }

    /// <summary>Returns a catalogue with <paramref name="definition"/> added, or replacing the service of the same name.</summary>
    public ServiceCatalogue With(ServiceDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var list = Services.Select(s => s.Name == definition.Name ? definition : s).ToList();
        if (!_byName.ContainsKey(definition.Name))
        {
            list.Add(definition);
        }

        return Create(list, CommonDefaults);
    }
}
