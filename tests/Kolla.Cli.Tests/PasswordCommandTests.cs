using System.Runtime.Versioning;
using Kolla.Cli;
using Kolla.Passwords;

namespace Kolla.Tests;

[UnsupportedOSPlatform("windows")]
public sealed class PasswordCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kolla-cli-pw-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static Task<(int Code, string Out, string Error)> RunAsync(params string[] args) => RunAsync(errorIsTerminal: false, args);

    private static async Task<(int Code, string Out, string Error)> RunAsync(bool errorIsTerminal, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(output, error, IsInteractive: false) { ErrorIsInteractive = errorIsTerminal };
        var code = await KollaApp.RunAsync(args, console, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData(false, "generating 2 RSA key pair(s)...\n")]
    [InlineData(true, "\rgenerating 2 RSA key pair(s)... 0/2\rgenerating 2 RSA key pair(s)... 1/2\rgenerating 2 RSA key pair(s)... 2/2\n")]
    public async Task Genpwd_EmptySshKeys_ShowsTheKeyProgressOnStderr_RedrawnOnlyOnATerminal(bool errorIsTerminal, string expected)
    {
        var path = PathOf("passwords.yml");
        await File.WriteAllTextAsync(path, "kolla_ssh_key:\nnova_ssh_key:\nkeystone_admin_password:\n", TestContext.Current.CancellationToken);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var (code, output, error) = await RunAsync(errorIsTerminal, "genpwd", "--passwords", path);

        code.Should().Be(0, error);
        error.Should().Be(expected);
        output.Should().Be($"{path}: updated; 3 empty key(s) filled\n");
    }

    private static string WithSshKeys(string yaml)
    {
        // Pre-set SSH keys (small ones, generated here) so the command has only fast values to fill.
        var pair = new PasswordGenerator { SshKeyBits = 1024 }.GenerateSshKeyPair();
        var store = PasswordStore.Parse(yaml);
        foreach (var key in PasswordCatalog.SshKeys.Where(store.Values.ContainsKey))
        {
            store = store.With(key, new Dictionary<string, object?> { ["private_key"] = pair.PrivateKey.Reveal(), ["public_key"] = pair.PublicKey });
        }

        return store.ToYaml();
    }

    [Fact]
    public async Task Genpwd_FillsEmptyKeysAndKeepsSetOnes()
    {
        var path = PathOf("passwords.yml");
        await File.WriteAllTextAsync(path, WithSshKeys("kolla_ssh_key:\nkeystone_admin_password: mine\nnova_database_password:\ndocker_registry_password:\n"), TestContext.Current.CancellationToken);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var (code, output, error) = await RunAsync("genpwd", "--passwords", path);

        code.Should().Be(0, error);
        error.Should().Be($"warning: {path}: passwords file is world-readable; its mode is set to 0600 when written\n");
        output.Should().Be($"{path}: updated; 1 empty key(s) filled\n");
        var store = await PasswordStore.LoadAsync(path, TestContext.Current.CancellationToken);
        store.Values["keystone_admin_password"].Should().Be("mine");
        store.Values["nova_database_password"].Should().BeOfType<string>().Which.Should().HaveLength(40);
        store.Values["docker_registry_password"].Should().BeNull();
        File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var again = await RunAsync("genpwd", "-p", path);
        again.Out.Should().Be($"{path}: unchanged; 0 empty key(s) filled\n");
        again.Error.Should().BeEmpty();
    }

    [Fact]
    public async Task Genpwd_CreatesAMissingFileWithTheBuiltInKeyList()
    {
        var path = PathOf("new-passwords.yml");

        var (code, output, _) = await RunAsync("genpwd", "--passwords", path);

        code.Should().Be(0);
        output.Should().StartWith($"{path}: created with the built-in key list;");
        (await PasswordStore.LoadAsync(path, TestContext.Current.CancellationToken)).Values.Keys.Should().BeEquivalentTo(PasswordCatalog.BuiltInKeys);
    }

    [Fact]
    public async Task Genpwd_ReportsABadFileAsOneLineOnStderr()
    {
        var path = PathOf("broken.yml");
        await File.WriteAllTextAsync(path, "a: 1\nb: [oops\n", TestContext.Current.CancellationToken);

        var (code, output, error) = await RunAsync("genpwd", "--passwords", path);

        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().StartWith($"{path}:").And.Contain("invalid YAML").And.EndWith("\n");
        error.TrimEnd('\n').Should().NotContain("\n");
    }

    [Fact]
    public async Task Genpwd_DanglingSymlinkIntoAMissingDirectory_IsOneLineNotAStackTrace()
    {
        var link = PathOf("passwords.yml");
        var target = Path.Combine(_dir, "gone", "passwords.yml");
        File.CreateSymbolicLink(link, target);

        var (code, output, error) = await RunAsync("genpwd", "--passwords", link);

        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Be($"{link} (a symbolic link to {target}): cannot write the file: directory {Path.GetDirectoryName(target)} does not exist\n");
    }

    [Fact]
    public async Task Genpwd_SymlinkToAFile_WritesTheTargetAndKeepsTheLink()
    {
        var target = PathOf("real.yml");
        await File.WriteAllTextAsync(target, WithSshKeys("kolla_ssh_key:\nkeystone_admin_password: mine\nnova_database_password:\n"), TestContext.Current.CancellationToken);
        var link = PathOf("passwords.yml");
        File.CreateSymbolicLink(link, "real.yml");

        var (code, output, error) = await RunAsync("genpwd", "--passwords", link);

        code.Should().Be(0, error);
        output.Should().Be($"{link}: updated; 1 empty key(s) filled\n");
        new FileInfo(link).LinkTarget.Should().Be("real.yml", "the operator's link stays a link");
        var store = await PasswordStore.LoadAsync(target, TestContext.Current.CancellationToken);
        store.Values["keystone_admin_password"].Should().Be("mine");
        store.Values["nova_database_password"].Should().BeOfType<string>().Which.Should().HaveLength(40);
    }

    [Fact]
    public async Task Genpwd_ValueThatIsNotUtf8_IsRefusedAndTheFileKeptByteForByte()
    {
        var path = PathOf("passwords.yml");
        byte[] bytes = [.. "nova_database_password:\nkeystone_admin_password: "u8, 0xFF, 0xFE, (byte)'\n'];
        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);

        var (code, output, error) = await RunAsync("genpwd", "--passwords", path);

        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().StartWith($"{path}:2: the file is not valid UTF-8 (byte 0xFF at offset 49)").And.EndWith("\n");
        error.TrimEnd('\n').Should().NotContain("\n");
        (await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken)).Should().Equal(bytes);
    }

    [Fact]
    public async Task Genpwd_DirectoryAsPasswords_IsRefusedAsNotAFile()
    {
        var directory = PathOf("passwords.d");
        Directory.CreateDirectory(directory);

        var (code, output, error) = await RunAsync("genpwd", "--passwords", directory);

        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Be($"{directory}: is a directory, not a passwords file\n");
        Directory.EnumerateFileSystemEntries(_dir).Should().ContainSingle("no temporary file is left behind");
    }

    [Fact]
    public async Task Genpwd_HelpStatesTheMissingFileExtension()
    {
        var (_, output, _) = await RunAsync("genpwd", "--help");

        output.Should().Contain("/etc/kolla/passwords.yml").And.Contain("Extension to kolla-genpwd");
    }

    [Fact]
    public async Task Mergepwd_PrintsTheMergeWithoutFinal()
    {
        await File.WriteAllTextAsync(PathOf("old.yml"), "b: old-b\nx: gone\nredis_master_password: r\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(PathOf("new.yml"), "a:\nb:\nvalkey_master_password:\n", TestContext.Current.CancellationToken);

        var (code, output, error) = await RunAsync("mergepwd", "--old", PathOf("old.yml"), "--new", PathOf("new.yml"));

        code.Should().Be(0, error);
        output.Should().Be("a: null\nb: old-b\nredis_master_password: r\nvalkey_master_password: r\nx: gone\n");
    }

    [Fact]
    public async Task Mergepwd_WritesFinalAndCleanDropsOldKeys()
    {
        await File.WriteAllTextAsync(PathOf("old.yml"), "b: old-b\nx: gone\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(PathOf("new.yml"), "a:\nb:\n", TestContext.Current.CancellationToken);
        var final = PathOf("final.yml");

        var (code, output, _) = await RunAsync("mergepwd", "--old", PathOf("old.yml"), "--new", PathOf("new.yml"), "--final", final, "--clean");

        code.Should().Be(0);
        output.Should().BeEmpty();
        (await File.ReadAllTextAsync(final, TestContext.Current.CancellationToken)).Should().Be("a: null\nb: old-b\n");
        File.GetUnixFileMode(final).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task Mergepwd_ErrorsAreOneLine()
    {
        await File.WriteAllTextAsync(PathOf("new.yml"), "a:\n", TestContext.Current.CancellationToken);

        var missing = await RunAsync("mergepwd", "--old", PathOf("nope.yml"), "--new", PathOf("new.yml"));
        var noOld = await RunAsync("mergepwd", "--new", PathOf("new.yml"));

        missing.Code.Should().Be(1);
        missing.Error.Should().Be($"{PathOf("nope.yml")}: passwords file is missing\n");
        noOld.Code.Should().NotBe(0);
        noOld.Error.Should().Contain("--old");
    }
}
