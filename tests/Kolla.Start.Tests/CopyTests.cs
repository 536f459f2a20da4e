namespace Kolla.Start.Tests;

public sealed class CopyTests : IDisposable
{
    private const string Src = "/var/lib/kolla/config_files";
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Copies_AFileWithOwnerAndPermAndWritesRunCommand()
    {
        _root.Write($"{Src}/nova.conf", "[DEFAULT]\n");
        _root.Config(new { command = "nova-api --debug", config_files = new[] { new { source = $"{Src}/nova.conf", dest = "/etc/nova/nova.conf", owner = "nova", perm = "0600" } } });

        _root.SetConfigs().Code.Should().Be(0);

        _root.Read("/etc/nova/nova.conf").Should().Be("[DEFAULT]\n");
        _root.Mode("/etc/nova/nova.conf").Should().Be((UnixFileMode)0x180);
        _root.Stat("/etc/nova/nova.conf").Uid.Should().Be(_root.NovaUid);
        _root.Stat("/etc/nova/nova.conf").Gid.Should().Be(_root.NovaGid);
        _root.Read("/run_command").Should().Be("nova-api --debug");
        _root.Mode("/run_command").Should().Be((UnixFileMode)0x1A4);
    }

    [Fact]
    public void Glob_CopiesEveryMatchIntoATrailingSlashDest()
    {
        _root.Write($"{Src}/a.pem", "A");
        _root.Write($"{Src}/b.pem", "B");
        _root.Write($"{Src}/c.key", "C");
        _root.Write($"{Src}/.hidden.pem", "H");
        _root.Config(new { command = "x", config_files = new[] { new { source = $"{Src}/[ab]*.pem", dest = "/etc/certs/", owner = "nova", perm = "0640" } } });

        _root.SetConfigs().Code.Should().Be(0);

        System.IO.Directory.GetFiles(_root.Host("/etc/certs")).Select(Path.GetFileName).Should().BeEquivalentTo("a.pem", "b.pem");
        _root.Read("/etc/certs/b.pem").Should().Be("B");
    }

    [Fact]
    public void Star_SkipsHiddenNamesAndQuestionMarkMatchesOneCharacter()
    {
        _root.Write($"{Src}/x1.conf", "1");
        _root.Write($"{Src}/x22.conf", "22");
        _root.Write($"{Src}/.x3.conf", "3");

        Glob.Expand(_root.Root, $"{Src}/x?.conf").Should().Equal($"{Src}/x1.conf");
        Glob.Expand(_root.Root, $"{Src}/*.conf").Should().BeEquivalentTo($"{Src}/x1.conf", $"{Src}/x22.conf");
        Glob.Expand(_root.Root, $"{Src}/.*.conf").Should().Equal($"{Src}/.x3.conf");
        Glob.Expand(_root.Root, $"/var/*/kolla/config_files/x1.conf").Should().Equal($"{Src}/x1.conf");
        Glob.Expand(_root.Root, $"{Src}/[!x]*").Should().BeEmpty();
    }

    [Fact]
    public void Without_TrailingSlashDestIsTheTargetPath()
    {
        _root.Write($"{Src}/policy.yaml", "p");
        _root.Config(new { command = "x", config_files = new[] { new { source = $"{Src}/policy.yaml", dest = "/etc/nova/policy.json", owner = "nova", perm = "0600" } } });

        _root.SetConfigs().Code.Should().Be(0);

        _root.Read("/etc/nova/policy.json").Should().Be("p");
        _root.Exists("/etc/nova/policy.json/policy.yaml").Should().BeFalse();
    }

    [Fact]
    public void Missing_SourceFailsUnlessOptional()
    {
        _root.Config(new { command = "x", config_files = new[] { new { source = $"{Src}/*.ini", dest = "/etc/a/", owner = "nova", perm = "0600", optional = false } } });
        var (code, log) = _root.SetConfigs();
        code.Should().Be(1);
        log.Should().Contain($"ERROR MissingRequiredSource: {Src}/*.ini file is not found");

        _root.Config(new { command = "x", config_files = new[] { new { source = $"{Src}/*.ini", dest = "/etc/a/", owner = "nova", perm = "0600", optional = true } } });
        _root.SetConfigs().Code.Should().Be(0);
        _root.Exists("/etc/a").Should().BeFalse();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Directory_SourceMergesOrReplaces(bool merge)
    {
        _root.Write($"{Src}/domains/a.conf", "new-a");
        _root.Write($"{Src}/domains/sub/b.conf", "new-b");
        _root.Write("/etc/keystone/domains/a.conf", "old-a");
        _root.Write("/etc/keystone/domains/extra.conf", "extra");
        _root.Config(new { command = "x", config_files = new[] { new { source = $"{Src}/domains", dest = "/etc/keystone/domains", owner = "nova", perm = "0600", merge } } });

        _root.SetConfigs().Code.Should().Be(0);

        _root.Read("/etc/keystone/domains/a.conf").Should().Be("new-a");
        _root.Read("/etc/keystone/domains/sub/b.conf").Should().Be("new-b");
        _root.Exists("/etc/keystone/domains/extra.conf").Should().Be(merge);
        // Directories get execute where they have read: 0600 → 0700.
        _root.Mode("/etc/keystone/domains/sub").Should().Be((UnixFileMode)0x1C0);
        _root.Mode("/etc/keystone/domains/sub/b.conf").Should().Be((UnixFileMode)0x180);
    }

    [Fact]
    public void File_DestInTheWayOfADirectorySourceIsReplacedEvenWithMerge()
    {
        _root.Write($"{Src}/dir/a", "a");
        _root.Write("/etc/dir", "i am a file");
        _root.Config(new { command = "x", config_files = new[] { new { source = $"{Src}/dir", dest = "/etc/dir", owner = "nova", perm = "0644", merge = true } } });

        _root.SetConfigs().Code.Should().Be(0);

        _root.Read("/etc/dir/a").Should().Be("a");
    }

    [Fact]
    public void Preserve_PropertiesCopiesTheSourceMode()
    {
        _root.Write($"{Src}/run.sh", "#!/bin/sh\n");
        File.SetUnixFileMode(_root.Host($"{Src}/run.sh"), (UnixFileMode)0x1ED);
        _root.Config(new { command = "x", config_files = new[] { new { source = $"{Src}/run.sh", dest = "/usr/local/bin/run.sh", preserve_properties = true } } });

        _root.SetConfigs().Code.Should().Be(0);

        _root.Mode("/usr/local/bin/run.sh").Should().Be((UnixFileMode)0x1ED);
    }

    [Fact]
    public void Directories_AndFilesAreCreatedAndExistingContentIsKept()
    {
        _root.Write("/var/log/kolla/nova/nova-api.log", "kept");
        _root.Config("""
            {"command": "x",
             "directories": [{"path": "/var/log/kolla/nova", "owner": "nova:kolla", "perm": "2775"}],
             "files": [{"path": "/var/log/kolla/nova/nova-api.log", "owner": "nova:kolla", "perm": "0664"},
                       {"path": "/var/log/kolla/nova/new.log", "owner": "nova:", "perm": "0o640"}]}
            """);

        _root.SetConfigs().Code.Should().Be(0);

        _root.Stat("/var/log/kolla/nova").LastFourOctalDigits.Should().Be("2775");
        _root.Stat("/var/log/kolla/nova").Gid.Should().Be(_root.KollaGid);
        _root.Read("/var/log/kolla/nova/nova-api.log").Should().Be("kept");
        _root.Stat("/var/log/kolla/nova/nova-api.log").LastFourOctalDigits.Should().Be("0664");
        _root.Read("/var/log/kolla/nova/new.log").Should().BeEmpty();
        _root.Stat("/var/log/kolla/nova/new.log").Gid.Should().Be(_root.NovaGid);
        _root.Stat("/var/log/kolla/nova/new.log").LastFourOctalDigits.Should().Be("0640");
    }

    [Theory]
    [InlineData("/var/log/dir-in-the-way", "Path is a directory, expected file")]
    [InlineData("/no/such/parent/file.log", "Parent directory does not exist")]
    public void Files_EntriesFailWithExit2(string path, string message)
    {
        System.IO.Directory.CreateDirectory(_root.Host("/var/log/dir-in-the-way"));
        _root.Config(new { command = "x", files = new[] { new { path, owner = "nova", perm = "0600" } } });

        var (code, log) = _root.SetConfigs();

        code.Should().Be(2);
        log.Should().Contain(message);
    }

    [Fact]
    public void Copy_OnceCopiesTheFirstTimeOnly()
    {
        _root.Write($"{Src}/a.conf", "v1");
        _root.Config(new { command = "svc", config_files = new[] { new { source = $"{Src}/a.conf", dest = "/etc/a.conf", owner = "nova", perm = "0600" } } });

        _root.SetConfigs("COPY_ONCE").Code.Should().Be(0);
        _root.Exists("/configured").Should().BeTrue();
        _root.Read("/configured").Should().BeEmpty();

        _root.Write($"{Src}/a.conf", "v2");
        _root.Config(new { command = "svc2", config_files = new[] { new { source = $"{Src}/a.conf", dest = "/etc/a.conf", owner = "nova", perm = "0600" } } });
        var (code, log) = _root.SetConfigs("COPY_ONCE");

        code.Should().Be(0);
        log.Should().Contain("ERROR ImmutableConfig: The config strategy prevents copying new configs");
        _root.Read("/etc/a.conf").Should().Be("v1");
        _root.Read("/run_command").Should().Be("svc");

        _root.SetConfigs("COPY_ALWAYS").Code.Should().Be(0);
        _root.Read("/etc/a.conf").Should().Be("v2");
    }
}
