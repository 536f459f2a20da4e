using Renci.SshNet.Messages.Connection;

namespace Kolla.Ssh;

/// <summary>The open request of OpenSSH's <c>direct-streamlocal@openssh.com</c> channel: connect to a unix socket on the server.</summary>
/// <remarks>OpenSSH's PROTOCOL file, section 2.4: the socket path, then a reserved string and a reserved uint32 (both empty).
/// sshd connects as the logged-in user, runs no shell and no program; <c>AllowStreamLocalForwarding</c> (default yes) governs it.</remarks>
internal sealed class StreamLocalChannelInfo(string socketPath) : ChannelOpenInfo
{
    public const string Name = "direct-streamlocal@openssh.com";

    public override string ChannelType => Name;

    public string SocketPath { get; } = socketPath;

    protected override void SaveData()
    {
        base.SaveData();
        Write(SocketPath, System.Text.Encoding.UTF8);
        Write(string.Empty, System.Text.Encoding.UTF8);
        Write(0u);
    }
}
