using Renci.SshNet.Common;

namespace Kolla.Ssh;

/// <summary>The host key decision for one connection attempt (called for the command and the SFTP client alike).</summary>
internal sealed class HostKeyCheck(SshHostSettings settings, KnownHosts knownHosts, bool acceptUnknown)
{
    private readonly Lock _gate = new();

    /// <summary>Why the key was refused (changed, revoked, or unknown without acceptance); null when trusted.</summary>
    public HostKeyVerification? Refusal { get; private set; }

    /// <summary>The unknown key that was trusted because unknown keys are accepted; null otherwise.</summary>
    public HostKeyVerification? AcceptedUnknown { get; private set; }

    /// <summary>Blob of <see cref="AcceptedUnknown"/>.</summary>
    public byte[]? AcceptedKey { get; private set; }

    public void OnHostKeyReceived(object? sender, HostKeyEventArgs e)
    {
        HostKeyVerification verification;
        try
        {
            verification = knownHosts.Verify(settings.Address, settings.Port, e.HostKey);
        }
        catch (ArgumentException ex)
        {
            verification = new HostKeyVerification(HostKeyStatus.Unknown, KnownHosts.GetLookupName(settings.Address, settings.Port),
                e.HostKeyName, e.FingerPrintSHA256, knownHosts.Source, null, $"the server's host key could not be read: {ex.Message}");
            Refuse(e, verification);
            return;
        }

        if (verification.Status == HostKeyStatus.Match)
        {
            e.CanTrust = true;
            return;
        }

        if (verification.Status == HostKeyStatus.Unknown && acceptUnknown)
        {
            lock (_gate)
            {
                AcceptedUnknown ??= verification;
                AcceptedKey ??= e.HostKey;
            }

            e.CanTrust = true;
            return;
        }

        Refuse(e, verification);
    }

    private void Refuse(HostKeyEventArgs e, HostKeyVerification verification)
    {
        lock (_gate)
        {
            Refusal ??= verification;
        }

        e.CanTrust = false;
    }
}
