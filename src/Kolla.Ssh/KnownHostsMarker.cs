namespace Kolla.Ssh;

/// <summary>The optional marker at the start of a known_hosts line.</summary>
internal enum KnownHostsMarker
{
    None,
    Revoked,
    CertAuthority,
}
