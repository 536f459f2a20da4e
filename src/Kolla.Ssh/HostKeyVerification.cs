namespace Kolla.Ssh;

/// <summary>The result of <see cref="KnownHosts.Verify(string, int, byte[])"/>.</summary>
/// <param name="Status">Match, mismatch, revoked or unknown.</param>
/// <param name="HostName">The name looked up: <c>host</c> for port 22, else <c>[host]:port</c> (lower case).</param>
/// <param name="KeyType">Type of the offered key, e.g. <c>ssh-ed25519</c>.</param>
/// <param name="Fingerprint">OpenSSH fingerprint of the offered key, <c>SHA256:…</c>.</param>
/// <param name="KnownHostsFile">The known_hosts file (or source name) consulted.</param>
/// <param name="Line">1-based line that decided the result (the matching, differing or revoking line); null when unknown.</param>
/// <param name="Message">One sentence describing the result, naming the file and line.</param>
public sealed record HostKeyVerification(
    HostKeyStatus Status,
    string HostName,
    string KeyType,
    string Fingerprint,
    string KnownHostsFile,
    int? Line,
    string Message)
{
    /// <summary>True only for <see cref="HostKeyStatus.Match"/>.</summary>
    public bool IsTrusted => Status == HostKeyStatus.Match;
}
