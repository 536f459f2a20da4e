using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace Kolla.Ssh;

/// <summary>
/// A client of ssh-agent's protocol (the socket of <c>SSH_AUTH_SOCK</c>): lists the identities the agent holds and asks it
/// to sign with one. The private keys never leave the agent. SSH.NET has no agent support; <see cref="SshAgentKey"/> plugs
/// an agent identity into its public-key authentication.
/// </summary>
internal static class SshAgent
{
    private const byte Failure = 5;
    private const byte RequestIdentities = 11;
    private const byte IdentitiesAnswer = 12;
    private const byte SignRequest = 13;
    private const byte SignResponse = 14;
    private const int MaxMessage = 256 * 1024;

    /// <summary>The identities the agent at <paramref name="socketPath"/> holds, in its order.</summary>
    /// <exception cref="IOException">The agent cannot be reached or answers something else; the message says which.</exception>
    public static IReadOnlyList<SshAgentKey> ListKeys(string socketPath)
    {
        var answer = Exchange(socketPath, [RequestIdentities]);
        if (answer.Length == 0 || answer[0] != IdentitiesAnswer)
        {
            throw new IOException($"ssh-agent at {socketPath} did not list its keys (answer type {(answer.Length == 0 ? -1 : answer[0])})");
        }

        var reader = new Reader(answer, 1);
        var count = reader.UInt32();
        var keys = new List<SshAgentKey>();
        for (var i = 0; i < count; i++)
        {
            var blob = reader.String();
            var comment = Encoding.UTF8.GetString(reader.String());
            keys.Add(new SshAgentKey(socketPath, blob, comment));
        }

        return keys;
    }

    /// <summary>The agent's signature blob (<c>string algorithm, string signature</c>) over <paramref name="data"/>.</summary>
    /// <exception cref="IOException">The agent refused or could not be reached.</exception>
    public static byte[] Sign(string socketPath, byte[] keyBlob, byte[] data, uint flags)
    {
        var request = new MemoryStream();
        request.WriteByte(SignRequest);
        WriteString(request, keyBlob);
        WriteString(request, data);
        Span<byte> flagBytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(flagBytes, flags);
        request.Write(flagBytes);
        var answer = Exchange(socketPath, request.ToArray());
        return answer switch
        {
            [SignResponse, ..] => new Reader(answer, 1).String(),
            [Failure, ..] => throw new IOException($"ssh-agent at {socketPath} refused to sign (the key may need confirmation or was removed)"),
            _ => throw new IOException($"ssh-agent at {socketPath} answered a sign request with type {(answer.Length == 0 ? -1 : answer[0])}"),
        };
    }

    private static byte[] Exchange(string socketPath, byte[] message)
    {
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified) { ReceiveTimeout = 60_000, SendTimeout = 10_000 };
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            var frame = new byte[4 + message.Length];
            BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)message.Length);
            message.CopyTo(frame, 4);
            socket.Send(frame);
            var header = ReceiveExactly(socket, 4);
            var length = BinaryPrimitives.ReadUInt32BigEndian(header);
            return length > MaxMessage
                ? throw new IOException($"ssh-agent at {socketPath} sent a {length}-byte message")
                : ReceiveExactly(socket, (int)length);
        }
        catch (SocketException e)
        {
            throw new IOException($"cannot reach ssh-agent at {socketPath}: {e.Message}", e);
        }
    }

    private static byte[] ReceiveExactly(Socket socket, int count)
    {
        var buffer = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = socket.Receive(buffer, read, count - read, SocketFlags.None);
            if (n == 0)
            {
                throw new IOException("ssh-agent closed the connection");
            }

            read += n;
        }

        return buffer;
    }

    private static void WriteString(Stream stream, byte[] value)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)value.Length);
        stream.Write(length);
        stream.Write(value);
    }

    /// <summary>Reads SSH wire types (RFC 4251) from a buffer.</summary>
    internal sealed class Reader(byte[] buffer, int offset)
    {
        private int _offset = offset;

        public uint UInt32()
        {
            if (_offset + 4 > buffer.Length)
            {
                throw new IOException("ssh-agent message is truncated");
            }

            var value = BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(_offset));
            _offset += 4;
            return value;
        }

        public byte[] String()
        {
            var length = UInt32();
            if (length > buffer.Length - _offset)
            {
                throw new IOException("ssh-agent message is truncated");
            }

            var value = buffer.AsSpan(_offset, (int)length).ToArray();
            _offset += (int)length;
            return value;
        }
    }
}
