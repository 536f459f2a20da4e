using Kolla.Passwords;

namespace Kolla.Tests.Passwords;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class GenPwdFileTests : IDisposable
{
    private static readonly PasswordGenerator FastKeys = new() { SshKeyBits = 1024 };

    private readonly string _dir = Directory.CreateTempSubdirectory("kolla-pw-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Path_(string name) => Path.Combine(_dir, name);

    [Fact]
    public async Task Missing_FileIsCreatedFromTheBuiltInKeyList()
    {
        var path = Path_("passwords.yml");

        var result = await GenPwd.RunAsync(path, generator: FastKeys, cancellationToken: TestContext.Current.CancellationToken);

        result.Created.Should().BeTrue();
        File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var store = await PasswordStore.LoadAsync(path, TestContext.Current.CancellationToken);
        store.Values.Keys.Should().BeEquivalentTo(PasswordCatalog.BuiltInKeys);
        store.Values["docker_registry_password"].Should().BeNull();
        store.GetSshKey("kolla_ssh_key").Should().NotBeNull();
    }

    [Fact]
    public async Task Without_CreateAMissingFileIsAnError()
    {
        var act = () => GenPwd.RunAsync(Path_("none.yml"), createIfMissing: false, cancellationToken: TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<PasswordsException>()).Which.Message.Should().EndWith("none.yml: passwords file is missing");
    }

    [Theory]
    [InlineData("- a\n- b\n", 1, "passwords file is not a mapping of keys to values")]
    [InlineData("", 1, "passwords file is not a mapping of keys to values")]
    [InlineData("a: x\nb: 'open\n", 2, "invalid YAML")]
    [InlineData("a: x\nkolla_ssh_key: just-a-string\n", 2, "'kolla_ssh_key' must be empty or a mapping with private_key and public_key")]
    public async Task Malformed_files_give_one_line_with_file_and_line(string content, int line, string reason)
    {
        var path = Path_("bad.yml");
        await File.WriteAllTextAsync(path, content, TestContext.Current.CancellationToken);

        var act = () => GenPwd.RunAsync(path, generator: FastKeys, cancellationToken: TestContext.Current.CancellationToken);

        var error = (await act.Should().ThrowAsync<PasswordsException>()).Which;
        error.Line.Should().Be(line);
        error.Reason.Should().StartWith(reason);
        error.Message.Should().StartWith($"{path}:{line}: ").And.NotContain("\n");
        (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).Should().Be(content, "a failed run never touches the file");
    }

    [Fact]
    public async Task Ssh_KeysWithOneHalfSetAreLeftAloneAndEmptyPairsAreFilled()
    {
        var path = Path_("p.yml");
        await File.WriteAllTextAsync(path, "nova_ssh_key:\n  private_key:\n  public_key: ssh-rsa AAAAkeep\nkolla_ssh_key:\n  private_key: ''\n  public_key:\n", TestContext.Current.CancellationToken);

        var result = await GenPwd.RunAsync(path, generator: FastKeys, cancellationToken: TestContext.Current.CancellationToken);

        result.FilledKeys.Should().Equal("kolla_ssh_key");
        var nova = (IReadOnlyDictionary<string, object?>)result.Store.Values["nova_ssh_key"]!;
        nova["public_key"].Should().Be("ssh-rsa AAAAkeep");
        result.Store.GetSshKey("kolla_ssh_key").Should().NotBeNull();
    }

    [Fact]
    public async Task Unknown_KeysGetPasswordsAndOtherTypesAreKept()
    {
        var path = Path_("p.yml");
        await File.WriteAllTextAsync(path, "my_own_password:\nnumeric: 12345\nlisted: [a]\n", TestContext.Current.CancellationToken);

        var result = await GenPwd.RunAsync(path, generator: FastKeys, cancellationToken: TestContext.Current.CancellationToken);

        result.Store.Values["my_own_password"].Should().BeOfType<string>().Which.Should().HaveLength(40);
        result.Store.Values["numeric"].Should().Be(12345L);
        (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).Should().Contain("numeric: 12345\n").And.Contain("listed:\n- a\n");
    }
}
