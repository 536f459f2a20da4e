using System.Security.Cryptography;
using System.Text;
using Kolla.Docker;
using Kolla.Hosts;

namespace Kolla.Tests;

public sealed class LocalHostFilesTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("kt-files-");
    private readonly LocalHostFiles _files = new("local1");

    private CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _root.Delete(recursive: true);

    private string PathOf(string relative) => Path.Combine(_root.FullName, relative);

    [Fact]
    public async Task WriteAsync_CreatesParentsWritesBytesAndMode()
    {
        var path = PathOf("keystone/keystone.conf");

        await _files.WriteAsync(path, "[DEFAULT]\n"u8.ToArray(), HostFileMode.ConfigFile, Token);

        (await File.ReadAllTextAsync(path, Token)).Should().Be("[DEFAULT]\n");
        File.GetUnixFileMode(path).Should().Be((UnixFileMode)Convert.ToInt32("660", 8));
        Directory.GetFiles(PathOf("keystone")).Should().ContainSingle();
    }

    [Fact]
    public async Task WriteAsync_ReplacesAtomically_NoTemporaryFilesLeft()
    {
        var path = PathOf("a.conf");
        await File.WriteAllTextAsync(path, "old", Token);
        using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

        await _files.WriteAsync(path, "new"u8.ToArray(), HostFileMode.Secret, Token);

        (await File.ReadAllTextAsync(path, Token)).Should().Be("new");
        new StreamReader(reader).ReadToEnd().Should().Be("old", "the open reader still sees the complete old file");
        Directory.GetFiles(_root.FullName).Should().Equal(path);
        File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task WriteAsync_Cancelled_LeavesTargetUntouchedAndNoTemporaryFile()
    {
        var path = PathOf("b.conf");
        await File.WriteAllTextAsync(path, "old", Token);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var act = () => _files.WriteAsync(path, "new"u8.ToArray(), HostFileMode.ConfigFile, cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        (await File.ReadAllTextAsync(path, Token)).Should().Be("old");
        Directory.GetFiles(_root.FullName).Should().Equal(path);
    }

    [Fact]
    public async Task WriteAsync_OwnerAndGroup_Applied()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Assert.Skip("changing owners needs root");
        }

        var path = PathOf("owned.conf");

        await _files.WriteAsync(path, "x"u8.ToArray(), new HostFileMode(Convert.ToInt32("640", 8), "nobody", "nogroup"), Token);
        var state = await _files.ReadTreeStateAsync(_root.FullName, Token);

        state[path].Owner.Should().Be("nobody");
        state[path].Group.Should().Be("nogroup");
        state[path].Mode.Should().Be(Convert.ToInt32("640", 8));
    }

    [Fact]
    public async Task WriteAsync_UnknownUser_ClearErrorAndNothingWritten()
    {
        var path = PathOf("c.conf");

        var act = () => _files.WriteAsync(path, "x"u8.ToArray(), new HostFileMode(Convert.ToInt32("600", 8), "no-such-user-kt"), Token);

        (await act.Should().ThrowAsync<HostExecutionException>()).Which.Message.Should().Be("local1: unknown user 'no-such-user-kt' (not in /etc/passwd)");
        File.Exists(path).Should().BeFalse();
    }

    [Fact]
    public async Task ReadTreeStateAsync_HashesModesOwnersRecursively()
    {
        await _files.WriteAsync(PathOf("x/one"), "1"u8.ToArray(), HostFileMode.ConfigFile, Token);
        await _files.WriteAsync(PathOf("x/sub/two"), "22"u8.ToArray(), HostFileMode.Secret, Token);
        File.CreateSymbolicLink(PathOf("x/link"), PathOf("x/one"));

        var state = await _files.ReadTreeStateAsync(PathOf("x"), Token);

        state.Keys.Should().BeEquivalentTo(PathOf("x/one"), PathOf("x/sub/two"));
        state[PathOf("x/sub/two")].Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("22"))));
        state[PathOf("x/sub/two")].Mode.Should().Be(Convert.ToInt32("600", 8));
        state[PathOf("x/one")].Mode.Should().Be(Convert.ToInt32("660", 8));
        state[PathOf("x/one")].Owner.Should().Be(Environment.IsPrivilegedProcess ? "root" : Environment.UserName);
    }

    [Fact]
    public async Task ReadTreeStateAsync_MissingDirectory_Empty()
    {
        (await _files.ReadTreeStateAsync(PathOf("absent"), Token)).Should().BeEmpty();
    }

    [Fact]
    public async Task EnsureDirectoryAsync_CreatesWithMode()
    {
        var path = PathOf("d/e");

        await _files.EnsureDirectoryAsync(path, HostFileMode.ConfigDirectory, Token);
        await _files.EnsureDirectoryAsync(path, HostFileMode.ConfigDirectory, Token);

        File.GetUnixFileMode(path).Should().Be((UnixFileMode)Convert.ToInt32("770", 8));
    }

    [Fact]
    public async Task ReadDelete_MissingIsNotAnError()
    {
        var path = PathOf("f");
        await _files.WriteAsync(path, "z"u8.ToArray(), HostFileMode.ConfigFile, Token);

        (await _files.ReadAsync(path, Token)).Should().Equal("z"u8.ToArray());
        await _files.DeleteAsync(path, Token);
        await _files.DeleteAsync(path, Token);
        (await _files.ReadAsync(path, Token)).Should().BeNull();
        (await _files.ReadAsync(PathOf("no/such/dir/file"), Token)).Should().BeNull();
        await _files.DeleteAsync(PathOf("no/such/dir/file"), Token);
    }

    [Fact]
    public async Task DeleteTreeAsync_RemovesDirectory()
    {
        await _files.WriteAsync(PathOf("g/h/i"), "z"u8.ToArray(), HostFileMode.ConfigFile, Token);

        await _files.DeleteTreeAsync(PathOf("g"), Token);
        await _files.DeleteTreeAsync(PathOf("g"), Token);

        Directory.Exists(PathOf("g")).Should().BeFalse();
    }
}
