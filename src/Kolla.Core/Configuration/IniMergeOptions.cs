namespace Kolla.Configuration;

/// <summary>Options for <see cref="IniMerger"/>.</summary>
public sealed record IniMergeOptions
{
    /// <summary>The defaults: no rendering, no provenance history.</summary>
    public static IniMergeOptions Default { get; } = new();

    /// <summary>Applied to each existing source before it is parsed (templates plug in here). Null: text is used as is.</summary>
    public ConfigSourceRenderer? Renderer { get; init; }

    /// <summary>
    /// Keep, for every key, the values that later sources replaced (<see cref="IniEntry.Shadowed"/>), for
    /// <c>kolla config explain</c>. Off by default: it costs allocations proportional to the input.
    /// </summary>
    public bool TrackShadowed { get; init; }
}
