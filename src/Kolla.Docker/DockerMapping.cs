using Docker.DotNet.Models;
using Kolla.Compat;
using Kolla.Containers;
using ContainerSpec = Kolla.Containers.ContainerSpec;
using Ulimit = Kolla.Containers.Ulimit;

namespace Kolla.Docker;

/// <summary>Maps <see cref="ContainerSpec"/> to the Engine API and inspect results back to <see cref="ContainerState"/>.</summary>
/// <remarks>
/// The create mapping is the one kolla_container uses, so that <see cref="ContainerComparer.CompareFields"/> finds no
/// difference on a container just created from the same spec: host networking; <c>Config.Volumes</c> holds every
/// destination and <c>HostConfig.Binds</c> every <c>source:destination:mode</c>; environment with
/// <c>KOLLA_SERVICE_NAME</c> and <c>TZ</c>; health check durations in nanoseconds.
/// Deviation: kolla leaves restarts to systemd units (<c>kolla-&lt;name&gt;-container.service</c>, with
/// <c>unless-stopped</c> mapped to <c>Restart=always</c>); we have no units and use the engine's restart policy
/// instead: <c>unless-stopped</c>, <c>always</c>, <c>on-failure</c> (with <see cref="ContainerSpec.RestartRetries"/>)
/// and <c>no</c> map to the same-named Docker policies, <c>oneshot</c> to <c>no</c>.
/// </remarks>
internal static class DockerMapping
{
    public static CreateContainerParameters ToCreateParameters(ContainerSpec spec, IReadOnlyDictionary<string, string> labels, string? timeZone)
    {
        var volumes = ContainerVolumes.Parse(spec.Volumes);
        var dimensions = spec.Dimensions;
        var allLabels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in spec.Labels)
        {
            allLabels[key] = value;
        }

        foreach (var (key, value) in labels)
        {
            allLabels[key] = value;
        }

        var hostConfig = new HostConfig
        {
            NetworkMode = spec.NetworkMode,
            Binds = [.. volumes.Binds],
            VolumesFrom = [.. spec.VolumesFrom],
            Tmpfs = Tmpfs(spec.Tmpfs),
            Privileged = spec.Privileged,
            PidMode = spec.PidMode ?? "",
            IpcMode = spec.IpcMode ?? "",
            CgroupnsMode = spec.CgroupnsMode ?? "",
            CapAdd = [.. spec.CapAdd],
            SecurityOpt = [.. spec.SecurityOpt],
            Memory = dimensions.MemoryLimit ?? 0,
            MemoryReservation = dimensions.MemoryReservation ?? 0,
            MemorySwap = dimensions.MemorySwapLimit ?? 0,
            CPUPeriod = dimensions.CpuPeriod ?? 0,
            CPUQuota = dimensions.CpuQuota ?? 0,
            CPUShares = dimensions.CpuShares ?? 0,
            CpusetCpus = dimensions.CpusetCpus ?? "",
            CpusetMems = dimensions.CpusetMems ?? "",
            BlkioWeight = checked((ushort)(dimensions.BlkioWeight ?? 0)),
            Ulimits = [.. dimensions.Ulimits.Select(u => new global::Docker.DotNet.Models.Ulimit { Name = u.Name, Soft = u.Soft, Hard = u.Hard })],
            RestartPolicy = RestartPolicy(spec),
        };

        var parameters = new CreateContainerParameters
        {
            Name = spec.Name,
            Image = spec.Image,
            Env = [.. ContainerEnvironment.ToEngineEntries(spec, timeZone)],
            Labels = allLabels,
            Volumes = volumes.Destinations.ToDictionary(d => d, _ => default(EmptyStruct), StringComparer.Ordinal),
            Healthcheck = Healthcheck(spec.Healthcheck),
            HostConfig = hostConfig,
        };
        if (!string.IsNullOrEmpty(spec.Command))
        {
            parameters.Cmd = [.. ShellWords.Split(spec.Command)];
        }

        return parameters;
    }

    public static RestartPolicy RestartPolicy(ContainerSpec spec) => spec.RestartPolicy switch
    {
        "unless-stopped" => new RestartPolicy { Name = RestartPolicyKind.UnlessStopped },
        "always" => new RestartPolicy { Name = RestartPolicyKind.Always },
        "on-failure" => new RestartPolicy { Name = RestartPolicyKind.OnFailure, MaximumRetryCount = spec.RestartRetries },
        "no" or "oneshot" => new RestartPolicy { Name = RestartPolicyKind.No },
        _ => throw new ArgumentException(
            $"Container {spec.Name}: unknown restart policy '{spec.RestartPolicy}' (expected no, on-failure, oneshot, always or unless-stopped).",
            nameof(spec)),
    };

    public static ContainerState ToState(ContainerInspectResponse inspect)
    {
        var config = inspect.Config;
        var host = inspect.HostConfig;
        var health = config?.Healthcheck;
        return new ContainerState
        {
            Name = inspect.Name.TrimStart('/'),
            Id = inspect.ID,
            Image = config?.Image ?? "",
            ImageId = inspect.Image ?? "",
            Status = inspect.State?.Status ?? "",
            StartedAt = inspect.State?.StartedAt ?? "",
            Health = string.IsNullOrEmpty(inspect.State?.Health?.Status) ? null : inspect.State.Health.Status,
            HealthLog = inspect.State?.Health?.Log is { Count: > 0 } log ? log[^1].Output?.Trim() : null,
            ExitCode = inspect.State?.ExitCode ?? 0,
            RestartCount = inspect.RestartCount,
            Labels = config?.Labels is { } labels ? new Dictionary<string, string>(labels, StringComparer.Ordinal) : new Dictionary<string, string>(),
            Environment = List(config?.Env),
            Binds = List(host?.Binds),
            VolumeDestinations = config?.Volumes is { } volumes ? [.. volumes.Keys] : [],
            VolumesFrom = List(host?.VolumesFrom),
            Tmpfs = host?.Tmpfs is { } tmpfs ? [.. tmpfs.Keys] : [],
            Privileged = host?.Privileged ?? false,
            PidMode = host?.PidMode ?? "",
            IpcMode = host?.IpcMode ?? "",
            CgroupnsMode = host?.CgroupnsMode ?? "",
            CapAdd = List(host?.CapAdd),
            SecurityOpt = List(host?.SecurityOpt),
            Dimensions = host is null ? ContainerDimensions.None : new ContainerDimensions
            {
                MemoryLimit = host.Memory,
                MemoryReservation = host.MemoryReservation,
                MemorySwapLimit = host.MemorySwap,
                CpuPeriod = host.CPUPeriod,
                CpuQuota = host.CPUQuota,
                CpuShares = host.CPUShares,
                CpusetCpus = host.CpusetCpus,
                CpusetMems = host.CpusetMems,
                BlkioWeight = host.BlkioWeight,
                Ulimits = host.Ulimits is { } ulimits ? [.. ulimits.Select(u => new Ulimit(u.Name, u.Soft, u.Hard))] : [],
            },
            Healthcheck = health is null
                ? null
                : new ContainerHealthcheck(
                    List(health.Test),
                    Seconds(health.Interval),
                    Seconds(health.Timeout),
                    Seconds(health.StartPeriod),
                    (int)(health.Retries ?? 0)),
            Command = string.IsNullOrEmpty(inspect.Path) ? List(inspect.Args) : [inspect.Path, .. List(inspect.Args)],
        };
    }

    /// <summary>A container as the engine's list returns it: identity, image, status, health (from the status text) and labels.</summary>
    public static ContainerState ToSummaryState(ContainerListResponse summary) => new()
    {
        Name = (summary.Names?.FirstOrDefault() ?? summary.ID).TrimStart('/'),
        Id = summary.ID,
        Image = summary.Image ?? "",
        ImageId = summary.ImageID ?? "",
        Status = summary.State ?? "",
        Health = HealthFromStatus(summary.Status),
        Labels = summary.Labels is { } labels ? new Dictionary<string, string>(labels, StringComparer.Ordinal) : new Dictionary<string, string>(),
    };

    /// <summary>The health in a list entry's status text: <c>Up 2 minutes (healthy)</c>, <c>(unhealthy)</c>, <c>(health: starting)</c>.</summary>
    public static string? HealthFromStatus(string? status) =>
        status is null ? null
        : status.Contains("(healthy)", StringComparison.Ordinal) ? "healthy"
        : status.Contains("(unhealthy)", StringComparison.Ordinal) ? "unhealthy"
        : status.Contains("(health: starting)", StringComparison.Ordinal) ? "starting"
        : null;

    public static ImageState ToImageState(ImagesListResponse image) => new(
        image.ID,
        List(image.RepoTags),
        image.Labels is { } labels ? new Dictionary<string, string>(labels, StringComparer.Ordinal) : new Dictionary<string, string>());

    public static ImageState ToImageState(ImageInspectResponse inspect) => new(
        inspect.ID,
        List(inspect.RepoTags),
        inspect.Config?.Labels is { } labels ? new Dictionary<string, string>(labels, StringComparer.Ordinal) : new Dictionary<string, string>());

    private static Dictionary<string, string>? Tmpfs(IReadOnlyList<string> tmpfs)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in tmpfs.Where(t => !string.IsNullOrEmpty(t)))
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                map[entry] = "";
            }
            else
            {
                map[entry[..colon]] = entry[(colon + 1)..];
            }
        }

        return map.Count == 0 ? null : map;
    }

    private static HealthcheckConfig? Healthcheck(ContainerHealthcheck? health) =>
        health is null || health.IsNone
            ? null
            : new HealthcheckConfig
            {
                Test = [.. health.Test],
                Interval = TimeSpan.FromSeconds(health.IntervalSeconds),
                Timeout = TimeSpan.FromSeconds(health.TimeoutSeconds),
                StartPeriod = TimeSpan.FromSeconds(health.StartPeriodSeconds),
                Retries = health.Retries,
            };

    private static int Seconds(TimeSpan? duration) => duration is { } d ? (int)d.TotalSeconds : 0;

    private static List<string> List(IEnumerable<string>? values) => values is null ? [] : [.. values];
}
