using Kolla.Passwords;

namespace Kolla.Tests.Passwords;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class MergePwdTests
{
    private static PasswordStore Store(string yaml) => PasswordStore.Parse(yaml);

    [Fact]
    public void Old_ValuesWinAndKeysDroppedUpstreamSurvive()
    {
        var old = Store("a: old-a\ngone: old-gone\nnested:\n  private_key: k\n  public_key: p\n");
        var @new = Store("a:\nb:\nnested:\n  private_key:\n  public_key:\n");

        var merged = MergePwd.Merge(old, @new);

        merged.Values["a"].Should().Be("old-a");
        merged.Values["b"].Should().BeNull();
        merged.Values["gone"].Should().Be("old-gone");
        merged.GetSshKey("nested")!.PublicKey.Should().Be("p");
    }

    [Fact]
    public void Clean_KeepsOnlyTheNewFilesKeys()
    {
        var merged = MergePwd.Merge(Store("a: old-a\ngone: old-gone\n"), Store("a:\nb: new-b\n"), clean: true);

        merged.Values.Keys.Should().BeEquivalentTo("a", "b");
        merged.Values["a"].Should().Be("old-a");
        merged.Values["b"].Should().Be("new-b");
    }

    [Theory]
    [InlineData("redis_master_password: r3d1s\n", "valkey_master_password:\n", "r3d1s")]
    [InlineData("redis_master_password: r3d1s\nvalkey_master_password: v\n", "valkey_master_password:\n", "v")]
    [InlineData("redis_master_password: ''\n", "valkey_master_password:\n", null)]
    [InlineData("other: x\n", "valkey_master_password:\n", null)]
    public void An_old_redis_password_seeds_a_new_valkey_password(string old, string @new, string? expected)
    {
        var merged = MergePwd.Merge(Store(old), Store(@new), clean: true);

        merged.Values["valkey_master_password"].Should().Be(expected);
    }

    [Fact]
    public void Redis_KeyIsNotAddedWhenTheNewFileHasNoValkeyKey()
    {
        MergePwd.Merge(Store("redis_master_password: r\n"), Store("a:\n"), clean: true).Values.Should().NotContainKey("valkey_master_password");
    }

    [Fact]
    public async Task Files_AreMergedAtomicallyWithMode0600()
    {
        var dir = Directory.CreateTempSubdirectory("kolla-merge-").FullName;
        try
        {
            var ct = TestContext.Current.CancellationToken;
            await File.WriteAllTextAsync(Path.Combine(dir, "old.yml"), "b: 2\na: 1\n", ct);
            await File.WriteAllTextAsync(Path.Combine(dir, "new.yml"), "a:\nc:\n", ct);
            var final = Path.Combine(dir, "final.yml");

            var (merged, _) = await MergePwd.RunAsync(Path.Combine(dir, "old.yml"), Path.Combine(dir, "new.yml"), final, cancellationToken: ct);

            (await File.ReadAllTextAsync(final, ct)).Should().Be("a: 1\nb: 2\nc: null\n");
            File.GetUnixFileMode(final).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            merged.Values.Should().HaveCount(3);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
