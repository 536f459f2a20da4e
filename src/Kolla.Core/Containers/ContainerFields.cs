namespace Kolla.Containers;

/// <summary>Names of the fields <see cref="ContainerComparer"/> reports, in kolla_container's comparison order.</summary>
internal static class ContainerFields
{
    /// <summary>The spec-hash label differs (containers created by Kolla for .NET).</summary>
    public const string SpecHash = "spec_hash";

    /// <summary>Added capabilities.</summary>
    public const string CapAdd = "cap_add";

    /// <summary>Security options.</summary>
    public const string SecurityOpt = "security_opt";

    /// <summary>Image reference or image id.</summary>
    public const string Image = "image";

    /// <summary>IPC namespace mode.</summary>
    public const string IpcMode = "ipc_mode";

    /// <summary>Labels (after the image's labels are accounted for).</summary>
    public const string Labels = "labels";

    /// <summary>Privileged flag.</summary>
    public const string Privileged = "privileged";

    /// <summary>PID namespace mode.</summary>
    public const string PidMode = "pid_mode";

    /// <summary>cgroup namespace mode.</summary>
    public const string CgroupnsMode = "cgroupns_mode";

    /// <summary>tmpfs mounts.</summary>
    public const string Tmpfs = "tmpfs";

    /// <summary>Volumes and binds.</summary>
    public const string Volumes = "volumes";

    /// <summary>Containers whose volumes are shared.</summary>
    public const string VolumesFrom = "volumes_from";

    /// <summary>Environment (subset test).</summary>
    public const string Environment = "environment";

    /// <summary>Engine state (<c>running</c>, <c>exited</c>, ...).</summary>
    public const string ContainerState = "container_state";

    /// <summary>Resource limits.</summary>
    public const string Dimensions = "dimensions";

    /// <summary>Command (<c>Path</c> and <c>Args</c>).</summary>
    public const string Command = "command";

    /// <summary>Health check.</summary>
    public const string Healthcheck = "healthcheck";

    /// <summary>The definition fields in kolla_container's order (<c>check_container_differs</c>).</summary>
    public static IReadOnlyList<string> DefinitionOrder { get; } =
    [
        CapAdd, SecurityOpt, Image, IpcMode, Labels, Privileged, PidMode, CgroupnsMode, Tmpfs, Volumes, VolumesFrom,
        Environment, ContainerState, Dimensions, Command, Healthcheck,
    ];
}
