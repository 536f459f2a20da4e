using Kolla.Start.Configuration;

namespace Kolla.Start.Tests;

public sealed class PermissionTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Theory]
    [InlineData("0600", 0x180)]
    [InlineData("600", 0x180)]
    [InlineData("0o600", 0x180)]
    [InlineData("2775", 0x5FD)]
    [InlineData("0o2775", 0x5FD)]
    public void Perm_strings_are_octal(string text, int mode)
    {
        var perm = FilePermission.Parse(text);

        perm.Mode.Should().Be((UnixFileMode)mode);
        perm.Text.Should().Be(text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("60")]
    [InlineData("06000")]
    [InlineData("0o8")]
    [InlineData("0x1ff")]
    [InlineData("rw-r--r--")]
    public void Other_perm_strings_crash(string text)
    {
        var act = () => FilePermission.Parse(text);

        act.Should().Throw<StartException>().Which.ExitCode.Should().Be(2);
    }

    [Theory]
    [InlineData("0640", "0750")]
    [InlineData("0600", "0700")]
    [InlineData("0644", "0755")]
    [InlineData("0200", "0200")]
    [InlineData("2660", "2770")]
    public void Directories_gain_execute_where_they_have_read(string perm, string expected)
    {
        var mode = FilePermission.Parse(perm).ForDirectory();

        Convert.ToString((int)mode, 8).PadLeft(4, '0').Should().Be(expected);
    }

    [Theory]
    [InlineData("nova", "nova", "nova")]
    [InlineData("nova:", "nova", "nova")]
    [InlineData("nova:kolla", "nova", "kolla")]
    [InlineData("nova:kolla:x", "nova", "kolla:x")]
    public void Owner_strings_split_into_user_and_group(string owner, string user, string group) =>
        Accounts.Split(owner).Should().Be((user, group));

    [Fact]
    public void Owner_NamesResolveFromTheContainersPasswdAndGroup()
    {
        var accounts = Accounts.Load(_root.Root);

        accounts.Resolve("nova:kolla").Should().Be((_root.NovaUid, _root.KollaGid));
        accounts.Resolve("nova").Should().Be((_root.NovaUid, _root.NovaGid));
        accounts.Resolve("root:").Should().Be((0u, 0u));
        accounts.Invoking(a => a.Resolve("cinder")).Should().Throw<StartException>().Which.Name.Should().Be("KeyError");
    }

    [Fact]
    public void Recursive_PermissionsApplyToTheMatchAndEverythingBelowWithDirectoryExecute()
    {
        _root.Write("/var/lib/nova/a/b.txt", "b");
        _root.Config("""{"command": "x", "permissions": [{"path": "/var/lib/nova", "owner": "nova:kolla", "perm": "0640", "recurse": true}]}""");

        _root.SetConfigs().Code.Should().Be(0);

        _root.Stat("/var/lib/nova").LastFourOctalDigits.Should().Be("0750");
        _root.Stat("/var/lib/nova/a").LastFourOctalDigits.Should().Be("0750");
        _root.Stat("/var/lib/nova/a/b.txt").LastFourOctalDigits.Should().Be("0640");
        _root.Stat("/var/lib/nova/a/b.txt").Gid.Should().Be(_root.KollaGid);
    }

    [Fact]
    public void Exclude_LeavesAnEntryAloneOnlyWhenEveryPatternMatches()
    {
        foreach (var path in new[] { "/data/skip/c.log", "/data/skip/d.txt", "/data/e.txt", "/data/f.log" })
        {
            _root.Write(path, "x");
            File.SetUnixFileMode(_root.Host(path), (UnixFileMode)0x1B6);
        }

        _root.Config("""{"command": "x", "permissions": [{"path": "/data", "owner": "nova", "perm": "0600", "recurse": true, "exclude": ["/skip", "\\.txt$"]}]}""");

        _root.SetConfigs().Code.Should().Be(0);

        _root.Stat("/data/skip/c.log").LastFourOctalDigits.Should().Be("0600");
        _root.Stat("/data/skip/d.txt").LastFourOctalDigits.Should().Be("0666");
        _root.Stat("/data/e.txt").LastFourOctalDigits.Should().Be("0600");
        _root.Stat("/data/f.log").LastFourOctalDigits.Should().Be("0600");
        _root.Stat("/data/skip").LastFourOctalDigits.Should().Be("0700");
    }

    [Fact]
    public void Permission_PathsAreGlobsAndNoMatchIsSilent()
    {
        _root.Write("/var/log/kolla/nova/api.log", "x");
        _root.Write("/var/log/kolla/nova/api.txt", "x");
        _root.Config("""
            {"command": "x", "permissions": [
              {"path": "/var/log/kolla/nova/*.log", "owner": "nova:kolla", "perm": "0664"},
              {"path": "/var/log/kolla/glance/*.log", "owner": "nova:kolla", "perm": "0664"}]}
            """);

        _root.SetConfigs().Code.Should().Be(0);

        _root.Stat("/var/log/kolla/nova/api.log").LastFourOctalDigits.Should().Be("0664");
        _root.Stat("/var/log/kolla/nova/api.txt").LastFourOctalDigits.Should().NotBe("0664");
    }

    [Fact]
    public void Without_PermOnlyOwnershipChanges()
    {
        _root.Write("/var/lib/x", "x");
        File.SetUnixFileMode(_root.Host("/var/lib/x"), (UnixFileMode)0x1A4);
        _root.Config("""{"command": "x", "permissions": [{"path": "/var/lib/x", "owner": "nova:kolla"}]}""");

        _root.SetConfigs().Code.Should().Be(0);

        _root.Stat("/var/lib/x").LastFourOctalDigits.Should().Be("0644");
        _root.Stat("/var/lib/x").Gid.Should().Be(_root.KollaGid);
    }
}
