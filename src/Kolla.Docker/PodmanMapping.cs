using Docker.DotNet.Models;
using Kolla.Containers;
using Ulimit = Kolla.Containers.Ulimit;

namespace Kolla.Docker;

/// <summary>What differs when the engine is Podman's Docker-compatible API (<c>podman system service</c>).</summary>
/// <remarks>
/// <para>
/// Volumes: Docker lets a <c>Config.Volumes</c> destination be covered by a bind of the same destination; Podman
/// refuses the pair ("duplicate mount destination"), so only destinations without a bind are sent as volumes, and an
/// inspection reports the destinations of the binds as volume destinations again (kolla-ansible's podman worker
/// likewise sends binds as mounts and compares destinations).
/// </para>
/// <para>
/// Ulimits: Podman reports ulimits as <c>RLIMIT_NAME</c> and always lists its own <c>RLIMIT_NOFILE</c> and
/// <c>RLIMIT_NPROC</c>, which are not settable from kolla; as kolla-ansible's podman worker, names are read back as the
/// lower-case short name and those two are left out (the planner leaves them out of the spec too).
/// </para>
/// </remarks>
internal static class PodmanMapping
{
    /// <summary>The ulimits Podman sets itself; kolla-ansible neither sends nor compares them.</summary>
    public static bool IsEngineOwnedUlimit(string name) => ShortUlimitName(name) is "nofile" or "nproc";

    /// <summary><c>RLIMIT_NOFILE</c> → <c>nofile</c>; a short name stays as it is.</summary>
    public static string ShortUlimitName(string name) =>
        name.StartsWith("RLIMIT_", StringComparison.OrdinalIgnoreCase) ? name["RLIMIT_".Length..].ToLowerInvariant() : name.ToLowerInvariant();

    /// <summary>Turns Docker create parameters into ones Podman accepts with the same meaning.</summary>
    public static void Adapt(CreateContainerParameters parameters)
    {
        var bound = (parameters.HostConfig?.Binds ?? []).Select(BindDestination).ToHashSet(StringComparer.Ordinal);
        var volumes = (parameters.Volumes ?? new Dictionary<string, EmptyStruct>()).Where(v => !bound.Contains(v.Key)).ToDictionary(StringComparer.Ordinal);
        parameters.Volumes = volumes;
        if (parameters.HostConfig?.Ulimits is { } ulimits)
        {
            parameters.HostConfig.Ulimits = [.. ulimits.Where(u => !IsEngineOwnedUlimit(u.Name))];
        }
    }

    /// <summary>An inspection read as <see cref="DockerMapping.ToState"/> does, with Podman's spellings made Docker's.</summary>
    public static ContainerState ToState(ContainerInspectResponse inspect)
    {
        var state = DockerMapping.ToState(inspect);
        var destinations = state.VolumeDestinations.Concat(state.Binds.Select(BindDestination)).Distinct(StringComparer.Ordinal).ToArray();
        return state with
        {
            VolumeDestinations = destinations,
            Dimensions = state.Dimensions with
            {
                Ulimits = [.. state.Dimensions.Ulimits.Where(u => !IsEngineOwnedUlimit(u.Name)).Select(u => new Ulimit(ShortUlimitName(u.Name), u.Soft, u.Hard))],
            },
        };
    }

    private static string BindDestination(string bind)
    {
        var parts = bind.Split(':');
        return parts.Length >= 2 ? parts[1] : parts[0];
    }
}
