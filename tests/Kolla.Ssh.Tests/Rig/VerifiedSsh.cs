using Kolla.TestKit;
using Renci.SshNet;

namespace Kolla.Tests.Rig;

/// <summary>Opens SSH.NET clients that trust exactly one host key (never any key).</summary>
internal static class VerifiedSsh
{
    public static async Task<SshClient> ConnectAsync(
        string host, int port, string user, string clientKeyPath, SshPublicKey expectedHostKey, CancellationToken cancellationToken)
    {
        var key = new PrivateKeyFile(clientKeyPath);
        var connection = new ConnectionInfo(host, port, user, new PrivateKeyAuthenticationMethod(user, key))
        {
            Timeout = TimeSpan.FromSeconds(20),
        };
        var client = new SshClient(connection);
        client.HostKeyReceived += (_, e) =>
            e.CanTrust = e.HostKeyName == expectedHostKey.Algorithm && e.FingerPrintSHA256 == expectedHostKey.FingerprintSha256;
        try
        {
            await client.ConnectAsync(cancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public static async Task<(int? ExitStatus, string Output, string Error)> RunAsync(
        this SshClient client, string commandText, CancellationToken cancellationToken)
    {
        using var command = client.CreateCommand(commandText);
        await command.ExecuteAsync(cancellationToken);
        return (command.ExitStatus, command.Result, command.Error);
    }
}
