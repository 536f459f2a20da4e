using System.Runtime.CompilerServices;
using Renci.SshNet;
using Renci.SshNet.Messages;

namespace Kolla.Ssh;

/// <summary>
/// The three members of SSH.NET that a channel type of our own needs and SSH.NET keeps internal: a connected client's
/// <see cref="Session"/>, the session's next local channel number, and sending a message on it. Everything else (the
/// message classes, <see cref="Renci.SshNet.Messages.Connection.ChannelOpenInfo"/>, the session's channel events) is public.
/// </summary>
/// <remarks>
/// Reached with <see cref="UnsafeAccessorAttribute"/>, which NativeAOT and trimming resolve at build time. A later SSH.NET
/// that renames one of them makes the accessor throw <see cref="MissingMemberException"/>; callers then fall back to
/// <c>docker system dial-stdio</c> (and <c>SshClientInternalsTests</c> fails, pointing here).
/// </remarks>
internal static class SshClientInternals
{
    /// <summary>The client's session when it is connected; null otherwise.</summary>
    /// <exception cref="MissingMemberException">This SSH.NET has no such member.</exception>
    public static Session? SessionOf(BaseClient client) => GetSession(client) as Session;

    /// <summary>A channel number no other channel of <paramref name="session"/> uses.</summary>
    /// <exception cref="MissingMemberException">This SSH.NET has no such member.</exception>
    public static uint NextChannelNumber(Session session) => GetNextChannelNumber(session);

    /// <summary>Sends <paramref name="message"/> (blocks while a key exchange is under way, as SSH.NET's own channels do).</summary>
    /// <exception cref="MissingMemberException">This SSH.NET has no such member.</exception>
    /// <exception cref="Renci.SshNet.Common.SshConnectionException">The session is not connected.</exception>
    public static void Send(Session session, Message message) => SendMessage(session, message);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_Session")]
    [return: UnsafeAccessorType("Renci.SshNet.ISession, Renci.SshNet")]
    private static extern object? GetSession(BaseClient client);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_NextChannelNumber")]
    private static extern uint GetNextChannelNumber(Session session);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "SendMessage")]
    private static extern void SendMessage(Session session, Message message);
}
