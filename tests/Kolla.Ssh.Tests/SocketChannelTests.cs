using System.Buffers.Binary;
using System.Reflection;
using System.Text;
using Kolla.Ssh;
using Renci.SshNet;
using Renci.SshNet.Messages;
using Renci.SshNet.Messages.Connection;

namespace Kolla.Tests;

/// <summary>The pieces of the <c>direct-streamlocal@openssh.com</c> channel that need no server.</summary>
public sealed class SocketChannelTests
{
    [Theory]
    [InlineData("unix:///var/run/docker.sock", "/var/run/docker.sock")]
    [InlineData("unix:///run/user/1000/docker.sock", "/run/user/1000/docker.sock")]
    [InlineData("unix://relative.sock", null)]
    [InlineData("unix:///", null)]
    [InlineData("tcp://127.0.0.1:2375", null)]
    [InlineData("ssh://me@host", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void SocketPathOf_OnlyAbsoluteUnixSockets(string? endpoint, string? expected)
    {
        SshDockerStreams.SocketPathOf(endpoint).Should().Be(expected);
    }

    [Fact]
    public void OpenRequest_IsOpenSshsStreamLocalLayout()
    {
        var message = new ChannelOpenMessage(7, 2 * 1024 * 1024, 64 * 1024, new StreamLocalChannelInfo("/run/dö.sock"));

        var path = Encoding.UTF8.GetBytes("/run/dö.sock");
        var payload = message.GetBytes();
        var expected = new List<byte> { 90 };
        Append(expected, "direct-streamlocal@openssh.com"u8.ToArray());
        AppendUInt32(expected, 7);
        AppendUInt32(expected, 2 * 1024 * 1024);
        AppendUInt32(expected, 64 * 1024);
        Append(expected, path);
        Append(expected, []);
        AppendUInt32(expected, 0);

        payload.Should().Equal(expected, "string socket path, string reserved, uint32 reserved (OpenSSH PROTOCOL 2.4)");
    }

    [Fact]
    public void SshNetInternals_TheChannelNeeds_AreThere()
    {
        // UnsafeAccessor binds these by name and signature; a renamed member would make every host fall back to dial-stdio.
        typeof(BaseClient).GetProperty("Session", BindingFlags.Instance | BindingFlags.NonPublic)!.GetMethod.Should().NotBeNull();
        typeof(Session).GetMethod("SendMessage", BindingFlags.Instance | BindingFlags.NonPublic, [typeof(Message)]).Should().NotBeNull();
        typeof(Session).GetProperty("NextChannelNumber", BindingFlags.Instance | BindingFlags.NonPublic)!.PropertyType.Should().Be<uint>();
        using var client = new SshClient("127.0.0.1", "root", "unused");
        SshClientInternals.SessionOf(client).Should().BeNull("not connected");
    }

    private static void Append(List<byte> buffer, byte[] value)
    {
        AppendUInt32(buffer, (uint)value.Length);
        buffer.AddRange(value);
    }

    private static void AppendUInt32(List<byte> buffer, uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        buffer.AddRange(bytes);
    }
}
