namespace Kolla.Containers;

/// <summary>The environment a container actually receives: the spec's variables plus the ones kolla injects.</summary>
/// <remarks>
/// kolla_container adds <c>KOLLA_SERVICE_NAME</c> (the container name with <c>_</c> replaced by <c>-</c>) and, unless
/// the spec sets it, <c>TZ</c> (the target's time zone; kolla reads <c>/etc/timezone</c>, then the
/// <c>/etc/localtime</c> link, else <c>UTC</c>). A null value becomes the empty string: Kolla images test presence
/// (<c>KOLLA_UPGRADE=</c>). A repeated key keeps its first position and its last value.
/// </remarks>
public static class ContainerEnvironment
{
    /// <summary>The variable naming the service inside Kolla images.</summary>
    public const string ServiceNameVariable = "KOLLA_SERVICE_NAME";

    /// <summary>The time zone variable.</summary>
    public const string TimeZoneVariable = "TZ";

    /// <summary>The time zone used when the caller does not know the target's.</summary>
    public const string DefaultTimeZone = "UTC";

    /// <summary>Builds the effective environment of <paramref name="spec"/>.</summary>
    /// <param name="spec">The container spec.</param>
    /// <param name="timeZone">The target's time zone, e.g. <c>Europe/Berlin</c>; null or empty means <c>UTC</c>.</param>
    /// <returns>Variables in order: the spec's, then <c>KOLLA_SERVICE_NAME</c>, then <c>TZ</c> if the spec has none.</returns>
    public static IReadOnlyList<KeyValuePair<string, string>> Build(ContainerSpec spec, string? timeZone = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var order = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        void Set(string key, string value)
        {
            if (!values.ContainsKey(key))
            {
                order.Add(key);
            }

            values[key] = value;
        }

        foreach (var (key, value) in spec.Environment)
        {
            Set(key, value ?? "");
        }

        Set(ServiceNameVariable, ServiceName(spec.Name));
        if (!values.ContainsKey(TimeZoneVariable))
        {
            Set(TimeZoneVariable, string.IsNullOrEmpty(timeZone) ? DefaultTimeZone : timeZone);
        }

        return order.ConvertAll(k => new KeyValuePair<string, string>(k, values[k]));
    }

    /// <summary>Formats the environment as the engine's <c>KEY=value</c> entries.</summary>
    /// <param name="spec">The container spec.</param>
    /// <param name="timeZone">The target's time zone; null or empty means <c>UTC</c>.</param>
    /// <returns><c>KEY=value</c> entries in <see cref="Build"/> order.</returns>
    public static IReadOnlyList<string> ToEngineEntries(ContainerSpec spec, string? timeZone = null) =>
        [.. Build(spec, timeZone).Select(kv => $"{kv.Key}={kv.Value}")];

    /// <summary>Works out a host's time zone the way kolla_container does.</summary>
    /// <param name="etcTimezone">Content of the host's <c>/etc/timezone</c>, or null when absent.</param>
    /// <param name="localtimeLinkTarget">Target of the <c>/etc/localtime</c> symlink, or null when it is not a link.</param>
    /// <returns>The first line of <c>/etc/timezone</c> when not empty, else the link target after <c>zoneinfo/</c>, else <c>UTC</c>.</returns>
    public static string ResolveTimeZone(string? etcTimezone, string? localtimeLinkTarget)
    {
        var fromFile = etcTimezone?.Split('\n', 2)[0].Trim();
        if (!string.IsNullOrEmpty(fromFile))
        {
            return fromFile;
        }

        const string Marker = "zoneinfo/";
        var index = localtimeLinkTarget?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
        if (index >= 0)
        {
            var zone = localtimeLinkTarget![(index + Marker.Length)..].Trim();
            if (zone.Length > 0)
            {
                return zone;
            }
        }

        return DefaultTimeZone;
    }

    /// <summary>The <c>KOLLA_SERVICE_NAME</c> value for a container name.</summary>
    /// <param name="containerName">Container name, e.g. <c>nova_api</c>.</param>
    /// <returns>The name with underscores replaced by dashes, e.g. <c>nova-api</c>.</returns>
    public static string ServiceName(string containerName)
    {
        ArgumentNullException.ThrowIfNull(containerName);
        return containerName.Replace('_', '-');
    }
}
