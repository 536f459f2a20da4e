namespace Kolla.Ssh;

/// <summary>The SSH server answered a channel open request with a failure (RFC 4254 section 5.1).</summary>
/// <param name="reasonCode">1 administratively prohibited, 2 connect failed, 3 unknown channel type, 4 resource shortage.</param>
/// <param name="message">What the server said, with what was asked for.</param>
internal sealed class ChannelOpenRefusedException(uint reasonCode, string message) : IOException(message)
{
    public uint ReasonCode { get; } = reasonCode;
}
