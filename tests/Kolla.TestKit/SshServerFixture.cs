using Xunit;

namespace Kolla.TestKit;

/// <summary>
/// A private sshd on 127.0.0.1 at a free port (xUnit collection or class fixture; needs
/// <see cref="DockerEngineFixture"/> as an assembly fixture): sessions see <c>DOCKER_HOST</c> = that
/// engine when it is available. See <see cref="SshServer"/>.
/// </summary>
/// <param name="engine">The test assembly's Docker engine.</param>
public class SshServerFixture(DockerEngineFixture engine) : IAsyncLifetime
{
    private SshServer? _server;
    private TestRigUnavailableException? _unavailable;

    /// <summary>Gets the running server.</summary>
    /// <exception cref="TestRigUnavailableException">sshd is not available.</exception>
    public SshServer Server => _server ?? throw _unavailable ?? TestRig.Unavailable("The sshd fixture was not initialized.");

    /// <summary>Gets the address to connect to.</summary>
    public string Host => Server.Host;

    /// <summary>Gets the port to connect to.</summary>
    public int Port => Server.Port;

    /// <summary>Gets the user to log in as.</summary>
    public string User => Server.User;

    /// <summary>Gets the client's private key file.</summary>
    public string ClientKeyPath => Server.ClientKeyPath;

    /// <summary>Gets the server's host key.</summary>
    public SshPublicKey HostKey => Server.HostKey;

    /// <summary>Gets the server's host key in <c>.pub</c> form.</summary>
    public string HostPublicKey => Server.HostPublicKey;

    /// <summary>Gets the known_hosts line for the server.</summary>
    public string KnownHostsLine => Server.KnownHostsLine;

    /// <summary>Gets the <c>DOCKER_HOST</c> sessions see, if the engine is available.</summary>
    public string? DockerHost => Server.DockerHost;

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        ArgumentNullException.ThrowIfNull(engine);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            _server = await SshServer.StartAsync(
                new SshServerOptions { DockerHost = engine.IsAvailable ? engine.DockerHost : null },
                timeout.Token);
        }
        catch (TestRigUnavailableException e)
        {
            _unavailable = e;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
