using Kolla.Planning;

namespace Kolla.Operations;

/// <summary><c>kolla genconfig -o DIR</c>: every host's config directories written on this machine instead of to the hosts.</summary>
internal static class ConfigTree
{
    /// <summary>
    /// Writes each host's files under <paramref name="root"/>/&lt;host&gt;/ (the layout kolla-ansible writes under
    /// <c>node_config_directory</c> on each node), atomically per file, and removes files no longer generated.
    /// </summary>
    /// <returns>The number of files written.</returns>
    public static async Task<int> WriteAsync(DeploymentPlan plan, string root, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var host in plan.Hosts)
        {
            var hostRoot = Path.Combine(root, host.Host);
            var wanted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in host.Containers.SelectMany(c => c.Files))
            {
                var relative = file.Path[(host.NodeConfigDirectory.Length + 1)..];
                var path = Path.Combine(hostRoot, relative);
                wanted.Add(Path.GetFullPath(path));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var temp = path + ".kolla-tmp";
                await File.WriteAllBytesAsync(temp, file.Content.ToArray(), cancellationToken).ConfigureAwait(false);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(temp, (UnixFileMode)file.Mode);
                }

                File.Move(temp, path, overwrite: true);
                count++;
            }

            foreach (var container in host.Containers)
            {
                var directory = Path.Combine(hostRoot, container.ConfigDirectory[(host.NodeConfigDirectory.Length + 1)..]);
                foreach (var stale in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Where(f => !wanted.Contains(Path.GetFullPath(f))))
                {
                    File.Delete(stale);
                }
            }
        }

        return count;
    }
}
