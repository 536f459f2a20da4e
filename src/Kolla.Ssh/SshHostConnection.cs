using Docker.DotNet;
using Kolla.Hosts;

namespace Kolla.Ssh;

/// <summary>An open SSH connection to one host: its files over SFTP/commands and its Docker engine over dial-stdio.</summary>
internal sealed class SshHostConnection(SshSession session, SshHostFiles files, SshGuardedContainerRuntime containers, DockerClient docker, List<IDisposable> owned)
    : IHostConnection, IHostCommands
{
    private int _disposed;

    public string Host => session.Host;

    public IHostFiles Files => files;

    public IContainerRuntime Containers => containers;

    internal SshSession Session => session;

    internal DockerClient Docker => docker;

    /// <inheritdoc/>
    public async Task<HostCommandResult> RunScriptAsync(string script, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var result = await session.RunAsync(script, null, cancellationToken, what: null, timeout).ConfigureAwait(false);
        return new HostCommandResult(result.ExitCode, result.OutputText, result.Error);
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            containers.Dispose();
            docker.Dispose();
            session.Dispose();
            // Credentials, and the jump hosts' connections and forwards (after the session that used them).
            SshJumpTunnel.DisposeAll(owned);
        }

        return ValueTask.CompletedTask;
    }
}
