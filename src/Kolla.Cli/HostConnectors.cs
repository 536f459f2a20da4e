using Kolla.Docker;
using Kolla.Facts;
using Kolla.Hosts;
using Kolla.Inventory;
using Kolla.Ssh;

namespace Kolla.Cli;

/// <summary>Chooses how each host is reached from <c>--executor</c> and the host's <c>ansible_connection</c>.</summary>
/// <remarks>Facts come the same way: the local host's in process, an SSH host's in the login that later serves its deploy.</remarks>
internal sealed class HostConnectors(string executor, SshExecutorOptions sshOptions) : IHostConnector, IHostFactsGatherer, IAsyncDisposable
{
    private readonly DockerHostConnector _docker = new();
    private readonly Lazy<SshHostConnector> _ssh = new(() => SshHostConnector.Create(sshOptions));
    private readonly DryRunHostConnector _dryRun = new(readLocalFiles: true);

    public static IReadOnlyList<string> Names { get; } = ["auto", "docker", "ssh", "dry-run"];

    public ValueTask<IHostConnection> ConnectAsync(HostTarget target, CancellationToken cancellationToken = default) => executor switch
    {
        "dry-run" => _dryRun.ConnectAsync(target, cancellationToken),
        "docker" => _docker.ConnectAsync(target with { Connection = "local" }, cancellationToken),
        "ssh" => _ssh.Value.ConnectAsync(target, cancellationToken),
        _ when target.Connection == "local" => _docker.ConnectAsync(target, cancellationToken),
        _ => _ssh.Value.ConnectAsync(target, cancellationToken),
    };

    public ValueTask<HostFacts> GatherFactsAsync(HostTarget target, CancellationToken cancellationToken = default) => executor switch
    {
        "dry-run" => _dryRun.GatherFactsAsync(target, cancellationToken),
        "docker" => _docker.GatherFactsAsync(target, cancellationToken),
        "ssh" => _ssh.Value.GatherFactsAsync(target, cancellationToken),
        _ when target.Connection == "local" => _docker.GatherFactsAsync(target, cancellationToken),
        _ => _ssh.Value.GatherFactsAsync(target, cancellationToken),
    };

    public async ValueTask DisposeAsync()
    {
        if (_ssh.IsValueCreated)
        {
            await _ssh.Value.DisposeAsync().ConfigureAwait(false);
        }
    }
}
