namespace Kolla.TestKit;

/// <summary>How <see cref="SshServer.StartAsync"/> starts a private sshd.</summary>
public sealed record SshServerOptions
{
    /// <summary>Gets the address to listen on (default <c>127.0.0.1</c>).</summary>
    public string ListenAddress { get; init; } = "127.0.0.1";

    /// <summary>Gets the port; 0 (default) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Gets the value of <c>DOCKER_HOST</c> sessions see (sshd_config <c>SetEnv</c>), if any.</summary>
    public string? DockerHost { get; init; }

    /// <summary>Gets whether the server offers no SFTP subsystem (as an sshd started with <c>-f /dev/null</c>).</summary>
    public bool WithoutSftp { get; init; }

    /// <summary>Gets whether sshd refuses to connect channels to unix sockets (<c>AllowStreamLocalForwarding no</c>).</summary>
    public bool WithoutStreamLocalForwarding { get; init; }

    /// <summary>Gets whether password logins are allowed too (<c>PasswordAuthentication yes</c>).</summary>
    public bool PasswordAuthentication { get; init; }
}
