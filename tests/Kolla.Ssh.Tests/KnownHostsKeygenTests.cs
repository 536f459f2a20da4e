using System.Text.RegularExpressions;
using Kolla.Ssh;

namespace Kolla.Tests;

/// <summary>known_hosts files written and hashed by OpenSSH's own ssh-keygen, read back by <see cref="KnownHosts"/>.</summary>
[Trait("Category", "Integration")]
public sealed partial class KnownHostsKeygenTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "kt-ssh-kh-" + Guid.NewGuid().ToString("N")[..8]);

    public KnownHostsKeygenTests()
    {
        if (!File.Exists("/usr/bin/ssh-keygen"))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail("ssh-keygen is missing: install openssh-client");
            }

            Assert.Skip("ssh-keygen is not installed");
        }

        Directory.CreateDirectory(_directory);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task HashedBySshKeygen_EveryNameStillMatches_AndLinesAgreeWithSshKeygenF()
    {
        var ed = await PublicKeyAsync("ed25519");
        var ecdsa = await PublicKeyAsync("ecdsa");
        var rsa = await PublicKeyAsync("rsa");
        var path = Path.Combine(_directory, "known_hosts");
        await File.WriteAllLinesAsync(path,
        [
            "# lab",
            $"node1,10.0.0.1 {ed}",
            $"[node2]:2222 {ecdsa}",
            $"node3.example.com {rsa}",
        ], TestContext.Current.CancellationToken);

        await TestShell.RunAsync("ssh-keygen", "-q", "-H", "-f", path);
        var known = await KnownHosts.LoadAsync(path, TestContext.Current.CancellationToken);

        (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).Should().NotContain("node");
        foreach (var (host, port, key) in new[] { ("node1", 22, ed), ("10.0.0.1", 22, ed), ("node2", 2222, ecdsa), ("NODE3.example.com", 22, rsa) })
        {
            var blob = Convert.FromBase64String(key.Split(' ')[1]);
            var result = known.Verify(host, port, blob);
            result.Status.Should().Be(HostKeyStatus.Match, host);
            result.Line.Should().Be(await KeygenLineAsync(path, KnownHosts.GetLookupName(host, port)), host);
        }

        known.Verify("node2", 22, Convert.FromBase64String(ecdsa.Split(' ')[1])).Status.Should().Be(HostKeyStatus.Unknown);
        known.Verify("node1", 22, Convert.FromBase64String(rsa.Split(' ')[1])).Status.Should().Be(HostKeyStatus.Unknown);
        known.Verify("node1", 22, TestKeys.Ed25519()).Status.Should().Be(HostKeyStatus.Mismatch);
    }

    [Fact]
    public async Task KeyscanStyleLines_FromSshKeygenPublicKeys_Match()
    {
        var ed = await PublicKeyAsync("ed25519");
        var blob = Convert.FromBase64String(ed.Split(' ')[1]);

        var line = KnownHosts.FormatLine("node9", 22, blob);

        line.Should().Be($"node9 {ed}");
        (await KeygenLineAsync(WriteFile(line), "node9")).Should().Be(1);
    }

    private string WriteFile(string line)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, line + "\n");
        return path;
    }

    private async Task<string> PublicKeyAsync(string type)
    {
        var key = Path.Combine(_directory, "key-" + type);
        await TestShell.RunAsync("ssh-keygen", "-q", "-t", type, "-N", "", "-C", "", "-f", key);
        var parts = (await File.ReadAllTextAsync(key + ".pub")).Trim().Split(' ');
        return parts[0] + " " + parts[1];
    }

    /// <summary>The line ssh-keygen -F reports for a name ("# Host NAME found: line N").</summary>
    private static async Task<int> KeygenLineAsync(string path, string name)
    {
        var output = await TestShell.RunAsync("ssh-keygen", "-F", name, "-f", path);
        return int.Parse(FoundLine().Match(output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"found: line (\d+)")]
    private static partial Regex FoundLine();
}
