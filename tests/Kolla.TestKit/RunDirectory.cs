using System.Globalization;

namespace Kolla.TestKit;

/// <summary>
/// A directory under <see cref="TestRig.RunRoot"/> that holds everything one fixture starts (pid files,
/// sockets, keys, logs). It records the owning process, so a later run can sweep it up when this
/// process dies without cleaning up; <c>tests/infra/cleanup.sh</c> stops what it names, by PID.
/// </summary>
internal sealed class RunDirectory
{
    private RunDirectory(string path) => Path = path;

    public string Path { get; }

    public static async Task<RunDirectory> CreateAsync(string runId, string kind, CancellationToken cancellationToken)
    {
        await SweepStaleAsync(cancellationToken);
        var path = System.IO.Path.Combine(TestRig.RunRoot, $"{runId}-{kind}");
        Directory.CreateDirectory(path);

        // Written whole (temp + rename): a concurrent sweep must never see a half-written owner.
        var owner = System.IO.Path.Combine(path, "owner.pid");
        await File.WriteAllTextAsync(owner + ".tmp", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        File.Move(owner + ".tmp", owner, overwrite: true);
        return new RunDirectory(path);
    }

    /// <summary>Stops every process recorded below the directory, removes its namespaces and links, deletes it.</summary>
    public Task CleanupAsync(CancellationToken cancellationToken) =>
        ExternalCommand.RunInfraScriptAsync("cleanup.sh", [Path, "--purge"], cancellationToken: cancellationToken);

    private static async Task SweepStaleAsync(CancellationToken cancellationToken)
    {
        if (Directory.Exists(TestRig.RunRoot))
        {
            await ExternalCommand.RunInfraScriptAsync("sweep-stale.sh", [TestRig.RunRoot], cancellationToken: cancellationToken);
        }
    }
}
