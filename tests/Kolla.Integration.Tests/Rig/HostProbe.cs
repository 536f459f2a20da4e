using System.Globalization;
using System.Security.Cryptography;
using Kolla.Docker;
using Kolla.TestKit;

namespace Kolla.Tests.Rig;

/// <summary>A container as a test compares it between runs.</summary>
internal sealed record ContainerSnapshot(string Id, string StartedAt, string Status, string? Health);

/// <summary>A file as a test compares it between runs: identity (inode), times and content.</summary>
internal sealed record FileSnapshot(long Inode, string Modified, string Changed, int Mode, string Sha256);

/// <summary>Reads what a host has, independently of the engine under test's state reader.</summary>
internal static class HostProbe
{
    /// <summary>The containers whose name starts with <paramref name="prefix"/>, keyed by the rest of the name.</summary>
    public static async Task<IReadOnlyDictionary<string, ContainerSnapshot>> ContainersAsync(string dockerHost, string prefix, CancellationToken cancellationToken)
    {
        using var runtime = new DockerContainerRuntime("probe", new DockerRuntimeOptions { Endpoint = new Uri(dockerHost) });
        var containers = await runtime.ListAsync(cancellationToken);
        return containers
            .Where(c => c.Name.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(c => c.Name[prefix.Length..], c => new ContainerSnapshot(c.Id, c.StartedAt, c.Status, c.Health), StringComparer.Ordinal);
    }

    /// <summary>The volumes whose name starts with <paramref name="prefix"/>.</summary>
    public static async Task<IReadOnlyList<string>> VolumesAsync(string dockerHost, string prefix, CancellationToken cancellationToken)
    {
        using var runtime = new DockerContainerRuntime("probe", new DockerRuntimeOptions { Endpoint = new Uri(dockerHost) });
        return [.. (await runtime.ListVolumesAsync(cancellationToken)).Where(v => v.StartsWith(prefix, StringComparison.Ordinal))];
    }

    /// <summary>Every file below <paramref name="directory"/> (hidden ones included), keyed by relative path.</summary>
    public static async Task<IReadOnlyDictionary<string, FileSnapshot>> FilesAsync(string directory, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            return new Dictionary<string, FileSnapshot>();
        }

        var find = (await ExternalCommand.RunAsync("find", [directory, "-type", "f", "-printf", "%P\\t%i\\t%T@\\t%C@\\t%m\\n"], cancellationToken: cancellationToken)).EnsureSuccess();
        var result = new Dictionary<string, FileSnapshot>(StringComparer.Ordinal);
        foreach (var line in find.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.Split('\t');
            var hash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(directory, f[0]), cancellationToken)));
            result[f[0]] = new FileSnapshot(long.Parse(f[1], CultureInfo.InvariantCulture), f[2], f[3], Convert.ToInt32(f[4], 8), hash);
        }

        return result;
    }

    /// <summary>Removes the containers and volumes whose name starts with <paramref name="prefix"/>.</summary>
    public static async Task RemoveAsync(string dockerHost, string prefix, CancellationToken cancellationToken)
    {
        using var runtime = new DockerContainerRuntime("probe", new DockerRuntimeOptions { Endpoint = new Uri(dockerHost), MaxRetries = 0 });
        foreach (var container in (await runtime.ListAsync(cancellationToken)).Where(c => c.Name.StartsWith(prefix, StringComparison.Ordinal)))
        {
            await runtime.RemoveAsync(container.Name, cancellationToken);
        }

        foreach (var volume in (await runtime.ListVolumesAsync(cancellationToken)).Where(v => v.StartsWith(prefix, StringComparison.Ordinal)))
        {
            await runtime.RemoveVolumeAsync(volume, cancellationToken);
        }
    }
}
