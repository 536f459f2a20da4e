using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace Kolla.Facts;

/// <summary>
/// Asks the kernel's routing netlink (what <c>ip</c> uses) for the addresses and route lookups the network facts need,
/// and writes the answers in <c>ip</c>'s words, so the local reader and the remote script feed one parser.
/// </summary>
/// <remarks>Linux only; reads the network namespace of this process.</remarks>
internal sealed class Netlink : IDisposable
{
    private const int AfNetlink = 16;
    private const int SockRaw = 3;
    private const int SockCloexec = 0x80000;
    private const int NetlinkRoute = 0;
    private const ushort NlmsgError = 2;
    private const ushort NlmsgDone = 3;
    private const ushort RtmNewAddr = 20;
    private const ushort RtmGetAddr = 22;
    private const ushort RtmNewRoute = 24;
    private const ushort RtmGetRoute = 26;
    private const ushort FlagRequest = 0x1;
    private const ushort FlagDump = 0x300;
    private const int HeaderLength = 16;

    private readonly int _socket;
    private readonly byte[] _buffer = new byte[1 << 18];
    private uint _sequence;

    private Netlink(int socket) => _socket = socket;

    /// <summary>Opens a routing netlink socket.</summary>
    /// <exception cref="FactsException">The kernel refused one.</exception>
    public static Netlink Open()
    {
        var socket = CreateSocket(AfNetlink, SockRaw | SockCloexec, NetlinkRoute);
        if (socket < 0)
        {
            throw new FactsException($"cannot open a netlink socket to read the network facts (errno {Marshal.GetLastPInvokeError()})");
        }

        // A receive timeout, so a kernel that never answers cannot hang the read.
        var timeout = new byte[2 * IntPtr.Size];
        if (IntPtr.Size == 8)
        {
            BinaryPrimitives.WriteInt64LittleEndian(timeout, 5);
        }
        else
        {
            BinaryPrimitives.WriteInt32LittleEndian(timeout, 5);
        }

        _ = SetSocketOption(socket, 1 /* SOL_SOCKET */, 20 /* SO_RCVTIMEO */, timeout, (uint)timeout.Length);
        return new Netlink(socket);
    }

    /// <summary>Every address of every interface, as <c>ip -o addr show</c> lists them.</summary>
    public List<AddressLine> Addresses()
    {
        var request = new byte[HeaderLength + 8];
        var lines = new List<AddressLine>();
        foreach (var message in Exchange(request, RtmGetAddr, FlagRequest | FlagDump))
        {
            if (message.Type == RtmNewAddr && message.Body.Length >= 8)
            {
                lines.Add(new AddressLine(BinaryPrimitives.ReadInt32LittleEndian(message.Body.AsSpan(4)), AddressText(message.Body)));
            }
        }

        return lines;
    }

    /// <summary>The first line <c>ip route get <paramref name="target"/></c> prints, or null when it prints nothing.</summary>
    public string? RouteGet(IPAddress target, Func<int, string> interfaceName)
    {
        var address = target.GetAddressBytes();
        var attribute = Align(4 + address.Length);
        var request = new byte[HeaderLength + 12 + attribute];
        request[HeaderLength] = (byte)(address.Length == 4 ? 2 : 10);
        request[HeaderLength + 1] = (byte)(address.Length * 8);
        BinaryPrimitives.WriteUInt16LittleEndian(request.AsSpan(HeaderLength + 12), (ushort)(4 + address.Length));
        BinaryPrimitives.WriteUInt16LittleEndian(request.AsSpan(HeaderLength + 14), 1 /* RTA_DST */);
        address.CopyTo(request, HeaderLength + 16);
        foreach (var message in Exchange(request, RtmGetRoute, FlagRequest))
        {
            if (message.Type == RtmNewRoute && message.Body.Length >= 12)
            {
                return RouteText(message.Body, target, interfaceName);
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public void Dispose() => _ = CloseSocket(_socket);

    private static string AddressText(byte[] body)
    {
        var family = body[0];
        var prefix = body[1];
        uint flags = body[2];
        var scope = body[3];
        byte[]? local = null, peer = null, broadcast = null, anycast = null;
        string? label = null;
        uint? metric = null;
        foreach (var (type, data) in Attributes(body, 8))
        {
            switch (type)
            {
                case 1: peer = data; break;
                case 2: local = data; break;
                case 3: label = Encoding.UTF8.GetString(data).TrimEnd('\0'); break;
                case 4: broadcast = data; break;
                case 5: anycast = data; break;
                case 8 when data.Length >= 4: flags = BinaryPrimitives.ReadUInt32LittleEndian(data); break;
                case 9 when data.Length >= 4: metric = BinaryPrimitives.ReadUInt32LittleEndian(data); break;
            }
        }

        local ??= peer;
        peer ??= local;
        var v6 = family == 10;
        var text = new StringBuilder(v6 ? "inet6" : family == 2 ? "inet" : $"family{family}");
        if (local is not null)
        {
            text.Append(' ').Append(Address(local));
            if (!local.AsSpan().SequenceEqual(peer))
            {
                text.Append(" peer ").Append(Address(peer!));
            }

            text.Append(CultureInfo.InvariantCulture, $"/{prefix}");
        }

        if (metric is { } m)
        {
            text.Append(CultureInfo.InvariantCulture, $" metric {m}");
        }

        if (broadcast is not null)
        {
            text.Append(" brd ").Append(Address(broadcast));
        }

        if (anycast is not null)
        {
            text.Append(" any ").Append(Address(anycast));
        }

        text.Append(" scope ").Append(Scope(scope));
        if ((flags & 1) != 0)
        {
            text.Append(v6 ? " temporary" : " secondary");
        }

        if (label is not null)
        {
            text.Append(' ').Append(label);
        }

        return text.ToString();
    }

    private static string? RouteText(byte[] body, IPAddress target, Func<int, string> interfaceName)
    {
        if (body[7] != 1 /* RTN_UNICAST: ip prints the route type first otherwise */)
        {
            return null;
        }

        var text = new StringBuilder(target.AddressFamily == AddressFamily.InterNetworkV6 ? Ipv6Text.Format(target.GetAddressBytes()) : target.ToString());
        string? via = null, device = null, source = null;
        foreach (var (type, data) in Attributes(body, 12))
        {
            switch (type)
            {
                case 4 when data.Length >= 4: device = interfaceName(BinaryPrimitives.ReadInt32LittleEndian(data)); break;
                case 5: via = Address(data); break;
                case 7: source = Address(data); break;
                case 18 when data.Length >= 2: via = (BinaryPrimitives.ReadUInt16LittleEndian(data) == 10 ? "inet6 " : "inet ") + Address(data[2..]); break;
            }
        }

        if (via is not null)
        {
            text.Append(" via ").Append(via);
        }

        if (device is not null)
        {
            text.Append(" dev ").Append(device);
        }

        if (source is not null)
        {
            text.Append(" src ").Append(source);
        }

        return text.ToString();
    }

    private static string Scope(byte scope) => scope switch
    {
        0 => "global",
        200 => "site",
        253 => "link",
        254 => "host",
        255 => "nowhere",
        _ => scope.ToString(CultureInfo.InvariantCulture),
    };

    private static string Address(byte[] bytes) => bytes.Length switch
    {
        4 => string.Create(CultureInfo.InvariantCulture, $"{bytes[0]}.{bytes[1]}.{bytes[2]}.{bytes[3]}"),
        16 => Ipv6Text.Format(bytes),
        _ => Convert.ToHexString(bytes).ToLowerInvariant(),
    };

    private static IEnumerable<(ushort Type, byte[] Data)> Attributes(byte[] body, int offset)
    {
        while (offset + 4 <= body.Length)
        {
            var length = BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(offset));
            var type = (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(offset + 2)) & 0x3fff);
            if (length < 4 || offset + length > body.Length)
            {
                yield break;
            }

            yield return (type, body[(offset + 4)..(offset + length)]);
            offset += Align(length);
        }
    }

    private List<(ushort Type, byte[] Body)> Exchange(byte[] request, ushort type, ushort flags)
    {
        var sequence = ++_sequence;
        BinaryPrimitives.WriteUInt32LittleEndian(request, (uint)request.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(request.AsSpan(4), type);
        BinaryPrimitives.WriteUInt16LittleEndian(request.AsSpan(6), flags);
        BinaryPrimitives.WriteUInt32LittleEndian(request.AsSpan(8), sequence);
        if (Send(_socket, request, (nuint)request.Length, 0) != request.Length)
        {
            throw Failure("send");
        }

        var messages = new List<(ushort, byte[])>();
        var dump = (flags & FlagDump) != 0;
        while (true)
        {
            var received = (int)Receive(_socket, _buffer, (nuint)_buffer.Length, 0);
            if (received < 0)
            {
                throw Failure("receive");
            }

            for (var offset = 0; offset + HeaderLength <= received;)
            {
                var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(offset));
                var messageType = BinaryPrimitives.ReadUInt16LittleEndian(_buffer.AsSpan(offset + 4));
                var messageSequence = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(offset + 8));
                if (length < HeaderLength || offset + length > received)
                {
                    break;
                }

                var body = _buffer[(offset + HeaderLength)..(offset + length)];
                offset += Align(length);
                if (messageSequence != sequence)
                {
                    continue;
                }

                switch (messageType)
                {
                    case NlmsgDone:
                        return messages;
                    case NlmsgError:
                        var error = body.Length >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(body) : 0;
                        if (dump && error != 0)
                        {
                            throw new FactsException($"the kernel refused to list the addresses (netlink error {-error})");
                        }

                        return messages; // a route lookup that found nothing: ip prints no route
                    default:
                        messages.Add((messageType, body));
                        if (!dump)
                        {
                            return messages;
                        }

                        break;
                }
            }
        }
    }

    private static FactsException Failure(string what) =>
        new($"netlink {what} failed while reading the network facts (errno {Marshal.GetLastPInvokeError()})");

    private static int Align(int length) => (length + 3) & ~3;

    [DllImport("libc", EntryPoint = "socket", SetLastError = true)]
    private static extern int CreateSocket(int domain, int type, int protocol);

    [DllImport("libc", EntryPoint = "setsockopt", SetLastError = true)]
    private static extern int SetSocketOption(int socket, int level, int name, byte[] value, uint length);

    [DllImport("libc", EntryPoint = "send", SetLastError = true)]
    private static extern nint Send(int socket, byte[] buffer, nuint length, int flags);

    [DllImport("libc", EntryPoint = "recv", SetLastError = true)]
    private static extern nint Receive(int socket, [Out] byte[] buffer, nuint length, int flags);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int CloseSocket(int socket);
}
