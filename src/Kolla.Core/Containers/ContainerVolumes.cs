namespace Kolla.Containers;

/// <summary>A container's volume list in kolla notation, split into what the engine receives.</summary>
/// <remarks>
/// kolla_container's literal rules, used both to create a container and to compare it: empty entries are dropped; an
/// entry without <c>:</c> is an anonymous volume (its path goes to <see cref="Destinations"/> verbatim); otherwise
/// <c>source:destination[:mode]</c> with mode <c>rw</c> when absent; every destination goes to
/// <see cref="Destinations"/> (the engine's <c>Config.Volumes</c>) and one bind per source (the last one wins) to
/// <see cref="Binds"/> as <c>source:destination:mode</c> (the engine's <c>HostConfig.Binds</c>). Trailing slashes
/// are kept. Sources without <c>/</c> are named volumes, created before the container.
/// </remarks>
/// <param name="Destinations">Mount destinations (and anonymous volumes), in order, without duplicates.</param>
/// <param name="Binds">Binds as <c>source:destination:mode</c>, one per source, in first-seen order.</param>
/// <param name="NamedVolumes">Sources that name a volume rather than a host path, in order, without duplicates.</param>
public sealed record ContainerVolumes(
    IReadOnlyList<string> Destinations,
    IReadOnlyList<string> Binds,
    IReadOnlyList<string> NamedVolumes)
{
    /// <summary>Parses a kolla volume list.</summary>
    /// <param name="volumes">Entries such as <c>/etc/kolla/keystone/:/var/lib/kolla/config_files/:ro</c> or <c>kolla_logs:/var/log/kolla/</c>.</param>
    /// <returns>The split volumes.</returns>
    public static ContainerVolumes Parse(IEnumerable<string?> volumes)
    {
        ArgumentNullException.ThrowIfNull(volumes);
        var destinations = new List<string>();
        var seenDestinations = new HashSet<string>(StringComparer.Ordinal);
        var bindOrder = new List<string>();
        var binds = new Dictionary<string, string>(StringComparer.Ordinal);
        var named = new List<string>();
        foreach (var entry in volumes)
        {
            if (string.IsNullOrEmpty(entry))
            {
                continue;
            }

            var parts = entry.Split(':');
            if (parts.Length == 1)
            {
                if (seenDestinations.Add(entry))
                {
                    destinations.Add(entry);
                }

                continue;
            }

            var source = parts[0];
            var destination = parts[1];
            var mode = parts.Length == 2 ? "rw" : string.Join(':', parts[2..]);
            if (seenDestinations.Add(destination))
            {
                destinations.Add(destination);
            }

            if (!binds.ContainsKey(source))
            {
                bindOrder.Add(source);
                if (!source.Contains('/', StringComparison.Ordinal))
                {
                    named.Add(source);
                }
            }

            binds[source] = $"{source}:{destination}:{mode}";
        }

        return new ContainerVolumes(destinations, bindOrder.ConvertAll(s => binds[s]), named);
    }
}
