using System.Text;
using Renci.SshNet;
using Renci.SshNet.Security;

namespace Kolla.Ssh;

/// <summary>One identity held by ssh-agent, as SSH.NET's public-key authentication uses a key: the public blob, and
/// signatures made by the agent. RSA keys sign with <c>rsa-sha2-512</c> (OpenSSH refuses SHA-1 <c>ssh-rsa</c> signatures).</summary>
internal sealed class SshAgentKey : HostAlgorithm, IPrivateKeySource
{
    private const uint RsaSha2_512 = 4;
    private readonly string _socketPath;
    private readonly byte[] _blob;
    private readonly uint _flags;

    public SshAgentKey(string socketPath, byte[] blob, string comment)
        : base(SignatureName(KeyType(blob)))
    {
        _socketPath = socketPath;
        _blob = blob;
        Comment = comment;
        _flags = KeyType(blob) == "ssh-rsa" ? RsaSha2_512 : 0;
    }

    /// <summary>The comment the agent holds for the key (usually the file it was added from).</summary>
    public string Comment { get; }

    public override byte[] Data => _blob;

    IReadOnlyCollection<HostAlgorithm> IPrivateKeySource.HostKeyAlgorithms => [this];

    public override byte[] Sign(byte[] data) => SshAgent.Sign(_socketPath, _blob, data, _flags);

    public override bool VerifySignature(byte[] data, byte[] signature) =>
        throw new NotSupportedException("An ssh-agent key only signs.");

    private static string KeyType(byte[] blob) => Encoding.ASCII.GetString(new SshAgent.Reader(blob, 0).String());

    private static string SignatureName(string keyType) => keyType == "ssh-rsa" ? "rsa-sha2-512" : keyType;
}
