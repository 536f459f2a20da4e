using System.Security.Cryptography;
using Kolla.Hosts;
using Kolla.Ssh;
using Renci.SshNet;

namespace Kolla.Tests;

/// <summary>The config-tree state read over SFTP (no shell) against the shell's <c>find</c>/<c>sha256sum</c> read, on the real sshd.</summary>
[Collection("ssh")]
[Trait("Category", "Integration")]
public sealed class SftpTreeStateTests(SshHostEnvironment env)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadAsync_FixtureTree_EqualsTheShellRead()
    {
        env.RequireAvailable();
        var root = env.NewDirectory("sftp-tree");
        await WriteAsync(root, "a.conf", "640", "nobody:nogroup", "[DEFAULT]\n"u8.ToArray());
        await WriteAsync(root, "sub/deeper/empty", "600", "root:root", []);
        await WriteAsync(root, "sub/setuid tool", "4755", "root:nogroup", "#!/bin/sh\n"u8.ToArray());
        await WriteAsync(root, "sub/setgid", "2750", "nobody:root", "x"u8.ToArray());
        await WriteAsync(root, "sub/sticky", "1604", "root:root", "y"u8.ToArray());
        await WriteAsync(root, "sub/new\nline", "444", "root:root", "z"u8.ToArray());
        await WriteAsync(root, "big/blob", "644", "root:root", RandomNumberGenerator.GetBytes(700 * 1024 + 3));
        for (var i = 0; i < 40; i++)
        {
            await WriteAsync(root, $"many/f{i}", "600", "root:root", RandomNumberGenerator.GetBytes(i * 97));
        }

        Directory.CreateDirectory(Path.Combine(root, "empty-dir"));
        File.CreateSymbolicLink(Path.Combine(root, "link-to-file"), Path.Combine(root, "a.conf"));
        File.CreateSymbolicLink(Path.Combine(root, "link-to-dir"), Path.Combine(root, "sub"));

        var shell = await ShellReadAsync(root);
        var sftp = await SftpReadAsync(root);

        shell.Should().HaveCount(47);
        sftp.ShellReason.Should().BeNull();
        sftp.Files.Should().BeEquivalentTo(shell);
        shell[Path.Combine(root, "sub/setuid tool")].Should().Be(sftp.Files![Path.Combine(root, "sub/setuid tool")]);
        sftp.Files![Path.Combine(root, "sub/setuid tool")].Mode.Should().Be(Convert.ToInt32("4755", 8));
        sftp.Files![Path.Combine(root, "a.conf")].Owner.Should().Be("nobody");
    }

    [Fact]
    public async Task ReadAsync_MissingDirectoryOrAFile_IsEmptyAsInTheShellRead()
    {
        env.RequireAvailable();
        var root = env.NewDirectory("sftp-missing");
        await WriteAsync(root, "plain", "644", "root:root", "p"u8.ToArray());

        foreach (var path in new[] { Path.Combine(root, "no-such-dir"), Path.Combine(root, "plain") })
        {
            (await ShellReadAsync(path)).Should().BeEmpty();
            var sftp = await SftpReadAsync(path);
            sftp.Files.Should().NotBeNull().And.BeEmpty();
        }
    }

    [Fact]
    public async Task ReadAsync_OwnerWithoutName_LeavesItToTheShellRead()
    {
        env.RequireAvailable();
        var root = env.NewDirectory("sftp-noname");
        await WriteAsync(root, "orphan", "600", "4242:4243", "o"u8.ToArray());

        var sftp = await SftpReadAsync(root);

        sftp.Files.Should().BeNull("find prints what the name service says, which only the shell can ask");
        sftp.ShellReason.Should().Contain("orphan");
        (await ShellReadAsync(root))[Path.Combine(root, "orphan")].Owner.Should().Be("4242");
    }

    [Fact]
    public async Task ReadAsync_DirectoryThroughSymbolicLink_LeavesItToTheShellRead()
    {
        env.RequireAvailable();
        var root = env.NewDirectory("sftp-linked");
        await WriteAsync(root, "real/x", "600", "root:root", "x"u8.ToArray());
        Directory.CreateSymbolicLink(Path.Combine(root, "alias"), Path.Combine(root, "real"));

        var linked = await SftpReadAsync(Path.Combine(root, "alias"));
        var below = await SftpReadAsync(Path.Combine(root, "alias", ".."));

        linked.Files.Should().BeNull();
        (await ShellReadAsync(Path.Combine(root, "alias"))).Should().BeEmpty("find does not follow a start point that is a link");
        below.Files.Should().BeNull();
    }

    private async Task<IReadOnlyDictionary<string, HostFileState>> ShellReadAsync(string directory)
    {
        await using var connection = await env.ConnectAsync(Token);
        return await connection.Files.ReadTreeStateAsync(directory, Token);
    }

    private async Task<TreeStateResult> SftpReadAsync(string directory)
    {
        using var key = new PrivateKeyFile(env.Server.ClientKeyPath);
        using var sftp = new SftpClient(env.Server.Host, env.Server.Port, env.Server.User, key);
        await sftp.ConnectAsync(Token);
        return await SftpTreeState.ReadAsync(sftp, directory.TrimEnd('/'), Token);
    }

    private static async Task WriteAsync(string root, string relative, string mode, string owner, byte[] content)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content, Token);
        await TestShell.RunAsync("chown", owner, path);
        await TestShell.RunAsync("chmod", mode, path);
    }
}
