using Kolla.Changes;
namespace Kolla.Operations;

/// <summary>Stop a running container (<c>kolla stop</c>).</summary>
/// <param name="Container">Container name.</param>
/// <param name="Timeout">How long it may take to stop before it is killed.</param>
public sealed record StopContainerChange(string Container, TimeSpan Timeout) : HostChange(Container)
{
    /// <inheritdoc/>
    public override bool Disruptive => true;

    /// <inheritdoc/>
    public override string Describe() => $"stop container {Container}";
}

/// <summary>Stop and remove a container (<c>kolla destroy</c>).</summary>
/// <param name="Container">Container name.</param>
/// <param name="Timeout">How long it may take to stop before it is killed.</param>
public sealed record RemoveContainerChange(string Container, TimeSpan Timeout) : HostChange(Container)
{
    /// <inheritdoc/>
    public override bool Disruptive => true;

    /// <inheritdoc/>
    public override string Describe() => $"remove container {Container}";
}

/// <summary>Remove a container's config directory under <c>node_config_directory</c> (<c>kolla destroy</c>).</summary>
/// <param name="Container">Container the directory belongs to.</param>
/// <param name="Path">Absolute path of the directory.</param>
public sealed record RemoveDirectoryChange(string Container, string Path) : HostChange(Container)
{
    /// <inheritdoc/>
    public override bool Disruptive => true;

    /// <inheritdoc/>
    public override string Describe() => $"remove directory {Path}";
}

/// <summary>Remove a named volume and its data (<c>kolla destroy --include-volumes</c>).</summary>
/// <param name="Name">Volume name.</param>
public sealed record RemoveVolumeChange(string Name) : HostChange("")
{
    /// <inheritdoc/>
    public override bool Disruptive => true;

    /// <inheritdoc/>
    public override string Describe() => $"remove volume {Name} (its data is lost)";
}
