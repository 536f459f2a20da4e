using Kolla.Planning;
using Microsoft.Win32.SafeHandles;

namespace Kolla.Operations;

/// <summary><c>kolla genconfig -o DIR</c>: every host's config directories written on this machine instead of to the hosts.</summary>
internal static class ConfigTree
{
    /// <summary>
    /// Writes each host's files under <paramref name="root"/>/&lt;host&gt;/ (the layout kolla-ansible writes under
    /// <c>node_config_directory</c> on each node), atomically per file, and removes files no longer generated.
    /// </summary>
    /// <remarks>
    /// Hosts are written in parallel, as many at once as there are processors (the work is mostly the kernel creating
    /// files): each file through one handle (created new, write, mode, close) under a temporary name, then renamed into place.
    /// </remarks>
    /// <returns>The number of files written.</returns>
    public static async Task<int> WriteAsync(DeploymentPlan plan, string root, CancellationToken cancellationToken)
    {
        var counts = new int[plan.Hosts.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForAsync(0, plan.Hosts.Count, parallel, (i, token) =>
        {
            counts[i] = WriteHost(plan.Hosts[i], Path.GetFullPath(Path.Combine(root, plan.Hosts[i].Host)), token);
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);
        return counts.Sum();
    }

    private static int WriteHost(HostPlan host, string hostRoot, CancellationToken cancellationToken)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        var directories = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        foreach (var file in host.Containers.SelectMany(c => c.Files))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.GetFullPath(Path.Combine(hostRoot, file.Path[(host.NodeConfigDirectory.Length + 1)..]));
            wanted.Add(path);
            var directory = Path.GetDirectoryName(path)!;
            if (directories.Add(directory))
            {
                Directory.CreateDirectory(directory);
            }

            var temp = path + ".kolla-tmp";
            using (var handle = CreateNew(temp))
            {
                RandomAccess.Write(handle, file.Content.Span, 0);
                SetMode(handle, file.Mode);
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

        return count;
    }

    /// <summary>
    /// Creates the temporary file, removing one an interrupted run left. Created new rather than truncated: truncating
    /// (what <see cref="FileMode.Create"/> does to a file, even an empty new one) makes ext4 write the file out when it
    /// is closed, one synchronous flush per file.
    /// </summary>
    private static SafeFileHandle CreateNew(string path)
    {
        try
        {
            return File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(path);
            return File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
        }
    }

    private static void SetMode(SafeFileHandle handle, int mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(handle, (UnixFileMode)mode);
        }
    }
}
