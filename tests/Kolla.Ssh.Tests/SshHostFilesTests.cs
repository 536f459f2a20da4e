using System.Security.Cryptography;
using System.Text;
using Kolla.Hosts;

namespace Kolla.Tests;

[Collection("ssh")]
[Trait("Category", "Integration")]
public sealed class SshHostFilesTests(SshHostEnvironment env)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Write_NewFileInMissingDirectory_CreatesItWithModeAndOwner()
    {
        env.RequireAvailable();
        await using var connection = await env.ConnectAsync(Token);
        var path = Path.Combine(env.NewDirectory("write"), "etc/kolla/keystone/keystone.conf");

        await connection.Files.WriteAsync(path, "[DEFAULT]\ndebug = True\n"u8.ToArray(), new HostFileMode(Convert.ToInt32("640", 8), "nobody", "nogroup"), Token);

        (await File.ReadAllTextAsync(path, Token)).Should().Be("[DEFAULT]\ndebug = True\n");
        (await TestShell.StatAsync("%a %U %G", path)).Should().Be("640 nobody nogroup");
        Directory.GetFiles(Path.GetDirectoryName(path)!).Should().Equal(path);
    }

    [Fact]
    public async Task Write_ExistingFile_IsReplacedByRenameNotRewrittenInPlace()
    {
        env.RequireAvailable();
        await using var connection = await env.ConnectAsync(Token);
        var directory = env.NewDirectory("replace");
        var path = Path.Combine(directory, "passwords.yml");
        await File.WriteAllTextAsync(path, "old", Token);
        var inodeBefore = await TestShell.StatAsync("%i", path);
        await using var reader = File.OpenRead(path);

        await connection.Files.WriteAsync(path, "new secret"u8.ToArray(), HostFileMode.Secret, Token);

        (await TestShell.StatAsync("%i %a", path)).Should().NotStartWith(inodeBefore + " ").And.EndWith(" 600");
        (await new StreamReader(reader).ReadToEndAsync(Token)).Should().Be("old", "a reader of the old file keeps the old content");
        (await File.ReadAllTextAsync(path, Token)).Should().Be("new secret");
        Directory.GetFileSystemEntries(directory).Should().Equal(path);
    }

    [Fact]
    public async Task Write_SpecialBitsAndOwner_KeepsFullMode()
    {
        env.RequireAvailable();
        await using var connection = await env.ConnectAsync(Token);
        var path = Path.Combine(env.NewDirectory("setgid"), "tool");

        await connection.Files.WriteAsync(path, "#!/bin/sh\n"u8.ToArray(), new HostFileMode(Convert.ToInt32("2750", 8), "root", "nogroup"), Token);

        (await TestShell.StatAsync("%a %U %G", path)).Should().Be("2750 root nogroup");
    }

    [Fact]
    public async Task Write_UnknownOwner_FailsNamingHostAndFile_LeavesNoTempFile()
    {
        env.RequireAvailable();
        await using var connection = await env.ConnectAsync(Token);
        var directory = env.NewDirectory("badowner");
        var path = Path.Combine(directory, "x.conf");

        var act = async () => await connection.Files.WriteAsync(path, "x"u8.ToArray(), new HostFileMode(Convert.ToInt32("600", 8), "kt-no-such-user"), Token);

        var error = (await act.Should().ThrowAsync<HostExecutionException>()).Which;
        error.Message.Should().Contain("node-a").And.Contain(path).And.Contain("kt-no-such-user");
        Directory.GetFileSystemEntries(directory).Should().BeEmpty();
    }

    [Fact]
    public async Task Write_EmptyAndLargeContent_RoundTrips()
    {
        env.RequireAvailable();
        await using var connection = await env.ConnectAsync(Token);
        var directory = env.NewDirectory("sizes");
        var large = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);

        await connection.Files.WriteAsync(Path.Combine(directory, "empty"), ReadOnlyMemory<byte>.Empty, HostFileMode.ConfigFile, Token);
        await connection.Files.WriteAsync(Path.Combine(directory, "large"), large, HostFileMode.ConfigFile, Token);

        (await File.ReadAllBytesAsync(Path.Combine(directory, "empty"), Token)).Should().BeEmpty();
        (await connection.Files.ReadAsync(Path.Combine(directory, "large"), Token)).Should().Equal(large);
    }

    [Fact]
    public async Task ReadTreeState_HashesEqualLocalSha256_ForAwkwardNames()
    {
        env.RequireAvailable();
        await using var connection = await env.ConnectAsync(Token);
        var root = env.NewDirectory("tree");
        var files = new Dictionary<string, byte[]>
        {
            [Path.Combine(root, "nova.conf")] = "[DEFAULT]\n"u8.ToArray(),
            [Path.Combine(root, "with space/it's.json")] = "{}"u8.ToArray(),
            [Path.Combine(root, "deep/er/new\nline")] = RandomNumberGenerator.GetBytes(70_000),
            [Path.Combine(root, "back\\slash")] = [],
            [Path.Combine(root, "ünïcode.yml")] = Encoding.UTF8.GetBytes("ü: 1\n"),
        };
        foreach (var (path, content) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, content, Token);
        }

        File.CreateSymbolicLink(Path.Combine(root, "link"), Path.Combine(root, "nova.conf"));
        await TestShell.RunAsync("chmod", "604", Path.Combine(root, "nova.conf"));
        await TestShell.RunAsync("chown", "nobody:nogroup", Path.Combine(root, "nova.conf"));

        var state = await connection.Files.ReadTreeStateAsync(root + "/", Token);

        state.Keys.Should().BeEquivalentTo(files.Keys);
        foreach (var (path, content) in files)
        {
            state[path].Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(content)), path);
            state[path].Path.Should().Be(path);
        }

        state[Path.Combine(root, "nova.conf")].Should().BeEquivalentTo(new { Mode = Convert.ToInt32("604", 8), Owner = "nobody", Group = "nogroup" });
        state[Path.Combine(root, "back\\slash")].Owner.Should().Be("root");
    }

    [Fact]
    public async Task ReadAhead_FirstTreeReadComesFromTheConnect_LaterReadsAreFresh()
    {
        env.RequireAvailable();
        var root = env.NewDirectory("readahead");
        await File.WriteAllTextAsync(root + "/a.conf", "before", Token);
        var options = env.Options(env.WriteKnownHosts(env.Server.KnownHostsLine));
        var target = env.Target() with { ReadAheadDirectory = root + "/" };

        await using var connection = await env.Connector(options).ConnectAsync(target, Token);
        await File.WriteAllTextAsync(root + "/a.conf", "after", Token);
        File.Delete(root + "/a.conf");
        await File.WriteAllTextAsync(root + "/b.conf", "new", Token);
        var first = await connection.Files.ReadTreeStateAsync(root, Token);
        var second = await connection.Files.ReadTreeStateAsync(root, Token);

        first.Keys.Should().Equal([root + "/a.conf"], "the connect (its Docker check) read the tree before the files changed");
        first[root + "/a.conf"].Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData("before"u8)));
        second.Keys.Should().Equal(root + "/b.conf");
        (await connection.Containers.ListAsync(Token)).Should().NotBeNull("Docker still works over the connection that carried the read");
    }

    [Fact]
    public async Task ReadAhead_OtherDirectory_IsReadWhenAsked()
    {
        env.RequireAvailable();
        var root = env.NewDirectory("readahead-other");
        var other = env.NewDirectory("readahead-asked");
        var options = env.Options(env.WriteKnownHosts(env.Server.KnownHostsLine));

        await using var connection = await env.Connector(options).ConnectAsync(env.Target() with { ReadAheadDirectory = root }, Token);
        await File.WriteAllTextAsync(other + "/x", "x", Token);

        (await connection.Files.ReadTreeStateAsync(other, Token)).Keys.Should().Equal(other + "/x");
    }

    [Fact]
    public async Task ReadTreeState_MissingDirectory_IsEmpty()
    {
        env.RequireAvailable();
        await using var connection = await env.ConnectAsync(Token);

        (await connection.Files.ReadTreeStateAsync("/nonexistent/kt-" + Guid.NewGuid().ToString("N"), Token)).Should().BeEmpty();
    }

    [Fact]
    public async Task WriteThenReadTreeState_SeesWrittenHashModeAndOwner()
    {
        env.RequireAvailable();
        await using var connection = await env.ConnectAsync(Token);
        var root = env.NewDirectory("roundtrip");
        var content = "bind = 0.0.0.0\n"u8.ToArray();

        await connection.Files.WriteAsync(root + "/rabbitmq/rabbitmq.conf", content, new HostFileMode(Convert.ToInt32("660", 8), "nobody", "nogroup"), Token);
        var state = await connection.Files.ReadTreeStateAsync(root, Token);

        state.Should().ContainKey(root + "/rabbitmq/rabbitmq.conf")
            .WhoseValue.Should().Be(new HostFileState(root + "/rabbitmq/rabbitmq.conf", Convert.ToHexStringLower(SHA256.HashData(content)), Convert.ToInt32("660", 8), "nobody", "nogroup"));
    }

    [Fact]
    public async Task Read_ExistingAndMissing()
    {
        env.RequireAvailable();
        await using var connection = await env.ConnectAsync(Token);
        var path = Path.Combine(env.NewDirectory("read"), "f");
        await File.WriteAllBytesAsync(path, [0, 1, 2, 255], Token);

        (await connection.Files.ReadAsync(path, Token)).Should().Equal(0, 1, 2, 255);
        (await connection.Files.ReadAsync(path + ".missing", Token)).Should().BeNull();
    }

    [Fact]
    public async Task EnsureDirectory_CreatesParentsAndAppliesModeAndOwner()
    {
        env.RequireAvailable();
        await using var connection = await env.ConnectAsync(Token);
        var path = Path.Combine(env.NewDirectory("dirs"), "a/b/c");

        await connection.Files.EnsureDirectoryAsync(path, new HostFileMode(Convert.ToInt32("770", 8), "nobody", "nogroup"), Token);
        await connection.Files.EnsureDirectoryAsync(path, new HostFileMode(Convert.ToInt32("750", 8)), Token);

        (await TestShell.StatAsync("%F %a %U %G", path)).Should().Be("directory 750 nobody nogroup");
    }

    [Fact]
    public async Task Delete_FileAndTree_AreGoneAndMissingIsFine()
    {
        env.RequireAvailable();
        await using var connection = await env.ConnectAsync(Token);
        var root = env.NewDirectory("delete");
        await File.WriteAllTextAsync(Path.Combine(root, "f"), "x", Token);
        Directory.CreateDirectory(Path.Combine(root, "t/u"));
        await File.WriteAllTextAsync(Path.Combine(root, "t/u/g"), "y", Token);

        await connection.Files.DeleteAsync(Path.Combine(root, "f"), Token);
        await connection.Files.DeleteAsync(Path.Combine(root, "f"), Token);
        await connection.Files.DeleteTreeAsync(Path.Combine(root, "t"), Token);
        await connection.Files.DeleteTreeAsync(Path.Combine(root, "t"), Token);

        Directory.GetFileSystemEntries(root).Should().BeEmpty();
    }

    [Fact]
    public async Task StateReadsAlone_OpenNoSftpConnection_FirstWriteOpensIt()
    {
        env.RequireAvailable();
        var connection = (Kolla.Ssh.SshHostConnection)await env.ConnectAsync(Token);
        await using (connection)
        {
            var root = env.NewDirectory("lazy");

            await connection.Files.ReadTreeStateAsync(root, Token);
            await connection.Files.EnsureDirectoryAsync(root + "/d", HostFileMode.ConfigDirectory, Token);
            var openedBeforeWrite = connection.Session.SftpOpened;
            await connection.Files.WriteAsync(root + "/d/f", "x"u8.ToArray(), HostFileMode.ConfigFile, Token);

            openedBeforeWrite.Should().BeFalse();
            connection.Session.SftpOpened.Should().BeTrue();
        }
    }

    [Fact]
    public async Task Write_OwnerByNumericIdAndUnknownGroup()
    {
        env.RequireAvailable();
        await using var connection = await env.ConnectAsync(Token);
        var directory = env.NewDirectory("numeric");

        await connection.Files.WriteAsync(directory + "/a", "x"u8.ToArray(), new HostFileMode(Convert.ToInt32("600", 8), "4242", "4343"), Token);
        var act = async () => await connection.Files.WriteAsync(directory + "/b", "x"u8.ToArray(), new HostFileMode(Convert.ToInt32("600", 8), Group: "kt-no-such-group"), Token);

        (await TestShell.StatAsync("%u %g", directory + "/a")).Should().Be("4242 4343");
        (await act.Should().ThrowAsync<HostExecutionException>()).Which.Message.Should().Contain("kt-no-such-group");
    }

    [Fact]
    public async Task Write_ParentIsAFile_FailsNamingHostAndPath()
    {
        env.RequireAvailable();
        await using var connection = await env.ConnectAsync(Token);
        var directory = env.NewDirectory("parentfile");
        await File.WriteAllTextAsync(directory + "/blocker", "x", Token);

        var act = async () => await connection.Files.WriteAsync(directory + "/blocker/sub/f", "x"u8.ToArray(), HostFileMode.ConfigFile, Token);

        (await act.Should().ThrowAsync<HostExecutionException>()).Which.Message.Should().StartWith("node-a: ").And.Contain(directory + "/blocker/sub");
    }

    [Fact]
    public async Task FailingBatchesWithUnreadInput_KeepTheConnectionUsable()
    {
        // A batch that fails before reading its stdin must not race the channel's close: SSH.NET can send EOF after
        // its CLOSE reply, and OpenSSH then drops the whole connection ("ieof packet referred to nonexistent channel").
        env.RequireAvailable();
        var options = env.Options(env.WriteKnownHosts(env.Server.KnownHostsLine));
        var become = new Dictionary<string, object?> { ["ansible_become"] = true }; // files through commands, not SFTP
        await using var connection = await env.Connector(options).ConnectAsync(env.Target(variables: become), Token);
        var directory = env.NewDirectory("unread");
        await File.WriteAllTextAsync(directory + "/blocker", "x", Token);
        var content = new byte[96 * 1024];

        for (var i = 0; i < 40; i++)
        {
            var batch = new HostFileBatch([], [new HostFileWrite($"{directory}/blocker/sub/f{i}", content, HostFileMode.ConfigFile)], []);
            var act = async () => await connection.Files.ApplyAsync(batch, Token);
            (await act.Should().ThrowAsync<HostExecutionException>()).Which.Should().NotBeOfType<HostUnreachableException>("attempt {0}", i);
        }

        await connection.Files.WriteAsync(directory + "/after", "ok"u8.ToArray(), HostFileMode.ConfigFile, Token);
        (await File.ReadAllTextAsync(directory + "/after", Token)).Should().Be("ok");
    }

    [Fact]
    public async Task RelativePath_IsRejected()
    {
        env.RequireAvailable();
        await using var connection = await env.ConnectAsync(Token);

        var act = async () => await connection.Files.WriteAsync("etc/kolla/x", "x"u8.ToArray(), HostFileMode.ConfigFile, Token);

        await act.Should().ThrowAsync<ArgumentException>();
    }
}
