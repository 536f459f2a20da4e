namespace Kolla.Ssh;

/// <summary>Settings for reaching hosts over SSH (<see cref="SshHostConnector"/>).</summary>
/// <remarks>
/// <para>Inventory variables override these per host, as in kolla-ansible: <c>ansible_host</c>, <c>ansible_port</c>,
/// <c>ansible_user</c>, <c>ansible_ssh_private_key_file</c> (or <c>ansible_private_key_file</c>), <c>ansible_become</c>,
/// <c>ansible_become_user</c>, <c>ansible_become_method</c> (only <c>sudo</c>).</para>
/// <para>Each host is also looked up in <see cref="SshConfigFile"/> (<c>Host</c>, <c>HostName</c>, <c>User</c>, <c>Port</c>,
/// <c>IdentityFile</c>, <c>ProxyJump</c>, <c>StrictHostKeyChecking</c>, <c>UserKnownHostsFile</c>, <c>IdentityAgent</c>), and
/// <c>ansible_ssh_common_args</c> is read for the same options; inventory variables win over both, both win over these
/// options. Keys are offered in order: the key files, then the ssh-agent's keys (<see cref="AgentSocket"/>), then the
/// password of <c>ansible_ssh_pass</c>. Encrypted key files are decrypted with <see cref="KeyPassphrase"/>.</para>
/// </remarks>
public sealed class SshExecutorOptions
{
    /// <summary>Login user when the host has no <c>ansible_user</c>. Default <c>root</c>.</summary>
    public string User { get; set; } = "root";

    /// <summary>One private key file (OpenSSH or PEM format; encrypted ones through <see cref="KeyPassphrase"/>). Tried before <see cref="PrivateKeyFiles"/>.</summary>
    public string? PrivateKeyFile { get; set; }

    /// <summary>Further private key files, tried in order. When neither this nor <see cref="PrivateKeyFile"/> is set,
    /// the existing ones of <c>~/.ssh/id_ed25519</c>, <c>~/.ssh/id_ecdsa</c> and <c>~/.ssh/id_rsa</c> are used.</summary>
    public IList<string> PrivateKeyFiles { get; } = [];

    /// <summary>OpenSSH client configuration read for every host (as <c>ssh -F</c>). Null (default): <c>~/.ssh/config</c> when it
    /// exists; <c>none</c>: no file. A file named here must exist.</summary>
    public string? SshConfigFile { get; set; }

    /// <summary>The ssh-agent socket whose keys are offered after the key files. Default: the <c>SSH_AUTH_SOCK</c> environment
    /// variable when this object is created; null or empty for no agent.</summary>
    public string? AgentSocket { get; set; } = Environment.GetEnvironmentVariable("SSH_AUTH_SOCK");

    /// <summary>Gives the passphrase of an encrypted private key file (called with the file's path, at most once per file and
    /// connector, the answer kept for the connector's life); null (default) or a null answer leaves the key unusable and the
    /// host fails naming the file.</summary>
    public Func<string, CancellationToken, ValueTask<string?>>? KeyPassphrase { get; set; }

    /// <summary>known_hosts file checked for every host key. Default <c>~/.ssh/known_hosts</c>.</summary>
    public string KnownHostsFile { get; set; } = "~/.ssh/known_hosts";

    /// <summary>Trust a host key that known_hosts does not list (trust on first use). Default false: such hosts are refused.
    /// A changed or revoked key is refused regardless.</summary>
    public bool AcceptUnknownHostKeys { get; set; }

    /// <summary>With <see cref="AcceptUnknownHostKeys"/>, append each accepted unknown key to <see cref="KnownHostsFile"/>
    /// as a plain line (<c>[host]:port keytype key</c>), so later runs check it. Default false.</summary>
    public bool AddUnknownHostKeys { get; set; }

    /// <summary>Time allowed for TCP connect, key exchange and authentication. Default 10 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Interval of SSH keepalive messages on idle connections; <see cref="TimeSpan.Zero"/> turns them off. Default 15 seconds.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Longest time one file operation (a remote command or SFTP request) may take. Default 2 minutes.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Run file operations and Docker as root through <c>sudo -n</c>. Null (default): only when the login user is not
    /// <c>root</c>. The host variable <c>ansible_become</c> overrides it. When sudo asks for a password, the host variable
    /// <c>ansible_become_password</c> gives it.</summary>
    public bool? Become { get; set; }

    /// <summary>Docker endpoint on the target, as the docker CLI takes it (e.g. <c>unix:///var/run/docker.sock</c>). Null
    /// (default): whatever the target's <c>docker</c> CLI uses — its <c>DOCKER_HOST</c>, else <c>/var/run/docker.sock</c>.</summary>
    public string? DockerHost { get; set; }

    /// <summary>Docker Engine API version to request, or null to use the engine's own version.</summary>
    public Version? DockerApiVersion { get; set; }

    /// <summary>Most concurrent Docker API connections per host; each is one <c>docker system dial-stdio</c> process on the
    /// target and one SSH channel (OpenSSH allows 10 per connection by default). Default 4.</summary>
    public int DockerMaxConnections { get; set; } = 4;

    /// <summary>How long an idle Docker API connection (and its dial-stdio process) is kept for reuse. Default 60 seconds.</summary>
    public TimeSpan DockerIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest time one Docker API request may take (streams excepted). Default 100 seconds.</summary>
    public TimeSpan DockerRequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Ping the Docker engine while connecting, so an unreachable engine fails the host at once with the target's
    /// error text (e.g. <c>docker: not found</c>). Default true.</summary>
    public bool VerifyDockerOnConnect { get; set; } = true;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(User))
        {
            throw new ArgumentException($"{nameof(User)} must not be empty.", nameof(User));
        }

        if (string.IsNullOrWhiteSpace(KnownHostsFile))
        {
            throw new ArgumentException($"{nameof(KnownHostsFile)} must not be empty.", nameof(KnownHostsFile));
        }

        RequirePositive(ConnectTimeout, nameof(ConnectTimeout));
        RequirePositive(CommandTimeout, nameof(CommandTimeout));
        RequirePositive(DockerIdleTimeout, nameof(DockerIdleTimeout));
        RequirePositive(DockerRequestTimeout, nameof(DockerRequestTimeout));
        if (KeepAliveInterval < TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(KeepAliveInterval)} must not be negative.", nameof(KeepAliveInterval));
        }

        if (DockerMaxConnections is < 1 or > 64)
        {
            throw new ArgumentException($"{nameof(DockerMaxConnections)} must be between 1 and 64.", nameof(DockerMaxConnections));
        }

        if (AddUnknownHostKeys && !AcceptUnknownHostKeys)
        {
            throw new ArgumentException($"{nameof(AddUnknownHostKeys)} requires {nameof(AcceptUnknownHostKeys)}.", nameof(AddUnknownHostKeys));
        }
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{name} must be positive.", name);
        }
    }
}
