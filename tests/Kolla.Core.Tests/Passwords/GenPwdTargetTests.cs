using Kolla.Passwords;

namespace Kolla.Tests.Passwords;

/// <summary>Where genpwd writes (through symbolic links), what it checks before generating, and what it refuses to rewrite.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class GenPwdTargetTests : IDisposable
{
    private static readonly PasswordGenerator FastKeys = new() { SshKeyBits = 1024 };

    // RSA.Create(1) throws: a run that generates an SSH key with this generator fails with a CryptographicException,
    // so a PasswordsException proves the target was refused before anything was generated.
    private static readonly PasswordGenerator FailsIfUsed = new() { SshKeyBits = 1 };

    private readonly string _dir = Directory.CreateTempSubdirectory("kolla-pw-target-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    [Fact]
    public async Task RunAsync_DanglingSymlink_CreatesTheTargetThroughTheLink()
    {
        Directory.CreateDirectory(PathOf("real"));
        var link = PathOf("passwords.yml");
        File.CreateSymbolicLink(link, "real/passwords.yml");

        var result = await GenPwd.RunAsync(link, generator: FastKeys, cancellationToken: TestContext.Current.CancellationToken);

        result.Created.Should().BeTrue();
        new FileInfo(link).LinkTarget.Should().Be("real/passwords.yml");
        var target = PathOf("real/passwords.yml");
        File.GetUnixFileMode(target).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        (await PasswordStore.LoadAsync(target, TestContext.Current.CancellationToken)).Values.Keys.Should().BeEquivalentTo(PasswordCatalog.BuiltInKeys);
        Directory.EnumerateFileSystemEntries(_dir).Should().HaveCount(2, "only the link and the directory; no temporary file is left");
    }

    [Fact]
    public async Task RunAsync_SymlinkLoop_IsOneLine()
    {
        var link = PathOf("a.yml");
        File.CreateSymbolicLink(link, "b.yml");
        File.CreateSymbolicLink(PathOf("b.yml"), "a.yml");

        var act = () => GenPwd.RunAsync(link, generator: FailsIfUsed, cancellationToken: TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<PasswordsException>()).Which.Message.Should().StartWith($"{link}: cannot follow the symbolic link: ");
    }

    [Fact]
    public async Task RunAsync_Directory_IsRefusedBeforeAnyValueIsGenerated()
    {
        var directory = PathOf("passwords.yml");
        Directory.CreateDirectory(directory);

        var act = () => GenPwd.RunAsync(directory, generator: FailsIfUsed, cancellationToken: TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<PasswordsException>()).Which.Message.Should().Be($"{directory}: is a directory, not a passwords file");
    }

    [Fact]
    public async Task RunAsync_MissingDirectory_IsRefusedBeforeAnyValueIsGenerated()
    {
        var path = PathOf("nowhere/passwords.yml");

        var act = () => GenPwd.RunAsync(path, generator: FailsIfUsed, cancellationToken: TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<PasswordsException>()).Which.Message.Should().Be($"{path}: cannot write the file: directory {PathOf("nowhere")} does not exist");
    }

    [Fact]
    public async Task RunAsync_DirectoryThatTakesNoNewFile_IsRefusedBeforeAnyValueIsGenerated()
    {
        // No file can be created in /proc, even by root (so this holds where the tests run as root).
        var path = "/proc/kolla-genpwd-test.yml";

        var act = () => GenPwd.RunAsync(path, generator: FailsIfUsed, cancellationToken: TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<PasswordsException>()).Which.Message.Should().StartWith($"{path}: cannot write the file: ");
    }

    [Theory]
    [InlineData("keystone_admin_password: !!binary aGVsbG8=\n", 1, "keystone_admin_password", "!!binary")]
    [InlineData("nova_database_password:\nkeystone_admin_password: !unsafe '{{ x }}'\n", 2, "keystone_admin_password", "!unsafe")]
    [InlineData("custom:\n  - a\n  - !mine b\n", 3, "custom", "!mine")]
    public async Task RunAsync_ValueWithATagItCannotWriteBack_IsRefusedAndTheFileKept(string content, int line, string key, string tag)
    {
        var path = PathOf("passwords.yml");
        await File.WriteAllTextAsync(path, content + "placement_database_password:\n", TestContext.Current.CancellationToken);

        var act = () => GenPwd.RunAsync(path, generator: FastKeys, cancellationToken: TestContext.Current.CancellationToken);

        var error = (await act.Should().ThrowAsync<PasswordsException>()).Which;
        error.Message.Should().Be($"{path}:{line}: the value of '{key}' is tagged '{tag}', which genpwd cannot write back unchanged; the file is left as it is");
        (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).Should().Be(content + "placement_database_password:\n");
    }

    [Fact]
    public async Task LoadAsync_BytesThatAreNotUtf8_AreAnErrorNotReplacementCharacters()
    {
        var path = PathOf("passwords.yml");
        await File.WriteAllBytesAsync(path, [.. "a: x\nkeystone_admin_password: "u8, 0xFF, 0xFE, (byte)'\n'], TestContext.Current.CancellationToken);

        var act = () => PasswordStore.LoadAsync(path, TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<PasswordsException>()).Which.Message.Should().StartWith($"{path}:2: the file is not valid UTF-8 (byte 0xFF at offset 30)");
    }
}
