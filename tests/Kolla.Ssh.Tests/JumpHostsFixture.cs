using Kolla.TestKit;

namespace Kolla.Tests;

/// <summary>
/// A bastion and a target in network namespaces (<c>tests/infra/start-jump-hosts.sh</c>): the bastion is reachable from
/// the test process, the target only from the bastion. Both run a private sshd on port 22 accepting <see cref="ClientKeyPath"/>.
/// </summary>
public sealed class JumpHostsFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "kt-jump-" + Guid.NewGuid().ToString("N")[..8]);
    private TestRigUnavailableException? _unavailable;

    public string BastionAddress { get; private set; } = string.Empty;

    public string TargetAddress { get; private set; } = string.Empty;

    public string ClientKeyPath => Path.Combine(_directory, "client_key");

    /// <summary>known_hosts holding both hosts' keys.</summary>
    public string KnownHostsPath => Path.Combine(_directory, "known_hosts");

    public string Directory => _directory;

    public async ValueTask InitializeAsync()
    {
        if (!TestRig.IsRoot)
        {
            _unavailable = TestRig.Unavailable("Network namespaces for the jump host tests need root.");
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var started = await ExternalCommand.RunInfraScriptAsync("start-jump-hosts.sh", [_directory], cancellationToken: timeout.Token);
        if (!started.Succeeded)
        {
            await StopAsync();
            _unavailable = TestRig.Unavailable($"Could not start the jump hosts ({started.StandardError.Trim()}); {TestRig.InstallHint}.");
            return;
        }

        var addresses = started.StandardOutput.Trim().Split(' ');
        (BastionAddress, TargetAddress) = (addresses[0], addresses[1]);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>Skips the test locally (fails it under CI) when the namespaces could not be made.</summary>
    public void RequireAvailable()
    {
        if (_unavailable is not null)
        {
            throw _unavailable;
        }
    }

    private async Task StopAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await ExternalCommand.RunInfraScriptAsync("stop-jump-hosts.sh", [_directory], cancellationToken: timeout.Token);
    }
}
