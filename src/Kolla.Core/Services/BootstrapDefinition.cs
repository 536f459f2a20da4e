namespace Kolla.Services;

/// <summary>A one-shot job run from a service's image before its containers start (database sync and similar).</summary>
/// <remarks>
/// Counterpart of kolla-ansible's <c>bootstrap_service.yml</c> tasks: a container labelled <c>BOOTSTRAP</c> with a flag
/// variable such as <c>KOLLA_BOOTSTRAP</c>, run attached and removed. Like those tasks it takes the container's image
/// and volumes, and nothing else of it: only <c>KOLLA_CONFIG_STRATEGY</c> and its own environment, no privileges,
/// namespaces, dimensions or health check. Kolla runs it when the service's containers
/// are created or their image changes (a deploy that changes nothing runs nothing).
/// </remarks>
public sealed record BootstrapDefinition
{
    /// <summary>One-shot container name (<c>bootstrap_keystone</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Service key of the container whose image, volumes and config directory it uses.</summary>
    public required string Container { get; init; }

    /// <summary>Extra environment (the flag variable; null = present but empty).</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Environment { get; init; } = [];

    /// <summary>Command override, or null to let the image's start script act on the flag.</summary>
    public string? Command { get; init; }

    /// <summary>Volumes of the one-shot, or null for the container's (nova's bootstraps mount fewer).</summary>
    public IReadOnlyList<string>? Volumes { get; init; }

    /// <summary>Run on one host of the group only (database jobs) instead of every host.</summary>
    public bool RunOnce { get; init; } = true;

    /// <summary>Seconds to wait before the job counts as failed.</summary>
    public int TimeoutSeconds { get; init; } = 1800;
}
