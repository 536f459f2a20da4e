namespace Kolla.Start.Tests;

public sealed class CheckTests : IDisposable
{
    private const string Src = "/var/lib/kolla/config_files";
    private readonly TempRoot _root = new();

    public CheckTests()
    {
        _root.Write($"{Src}/nova.conf", "[DEFAULT]\ndebug = True\n");
        _root.Write($"{Src}/domains/a.conf", "a");
        _root.Config(Config("nova-api"));
        _root.SetConfigs().Code.Should().Be(0);
    }

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Unchanged_ConfigChecksClean()
    {
        var (code, log) = _root.SetConfigs(strategy: null, check: true);

        code.Should().Be(0, log);
        log.Should().NotContain("ERROR");
    }

    [Fact]
    public void Different_CommandIsReported()
    {
        _root.Config(Config("nova-api --debug"));

        var (code, log) = _root.SetConfigs(check: true);

        code.Should().Be(1);
        log.Should().Contain("ERROR ConfigFileCommandDiffers: Running command differs. nova-api --debug != nova-api");
    }

    [Fact]
    public void Changed_ContentIsReported()
    {
        _root.Write($"{Src}/nova.conf", "[DEFAULT]\ndebug = False\n");

        var (code, log) = _root.SetConfigs(check: true);

        code.Should().Be(1);
        log.Should().Contain($"ERROR ConfigFileBadState: Following files are in bad state: ['{Src}/nova.conf']");
    }

    [Fact]
    public void Changed_ModeIsReported()
    {
        File.SetUnixFileMode(_root.Host("/etc/nova/nova.conf"), (UnixFileMode)0x1A4);

        var (code, log) = _root.SetConfigs(check: true);

        code.Should().Be(1);
        log.Should().Contain("Dest file does not have expected perm: 0600, actual: 0644");
    }

    [Fact]
    public void Changed_OwnerIsReported()
    {
        Posix.Chown(_root.Host("/etc/nova/nova.conf"), _root.NovaUid, _root.KollaGid);
        if (_root.KollaGid == _root.NovaGid)
        {
            Assert.Skip("Needs root to give the file a different group.");
        }

        var (code, log) = _root.SetConfigs(check: true);

        code.Should().Be(1);
        log.Should().Contain("Dest file does not have expected group: nova, actual: kolla");
    }

    [Fact]
    public void Changed_FileInsideADirectorySourceIsReported()
    {
        _root.Write($"{Src}/domains/a.conf", "changed");

        var (code, log) = _root.SetConfigs(check: true);

        code.Should().Be(1);
        log.Should().Contain($"['{Src}/domains']");
    }

    [Fact]
    public void Missing_DestIsReportedAndCheckChangesNothing()
    {
        File.Delete(_root.Host("/etc/nova/nova.conf"));

        _root.SetConfigs(check: true).Code.Should().Be(1);

        _root.Exists("/etc/nova/nova.conf").Should().BeFalse();
    }

    [Fact]
    public void Three_DigitPermNeverChecksCleanAsUpstream()
    {
        _root.Config(Config("nova-api", perm: "600"));
        _root.SetConfigs().Code.Should().Be(0);

        _root.SetConfigs(check: true).Code.Should().Be(1);
    }

    [Fact]
    public void Missing_RunCommandIsACrash()
    {
        File.Delete(_root.Host("/run_command"));

        var (code, log) = _root.SetConfigs(check: true);

        code.Should().Be(2);
        log.Should().Contain("ERROR Unexpected error: FileNotFoundError");
    }

    private static object Config(string command, string perm = "0600") => new
    {
        command,
        config_files = new object[]
        {
            new { source = $"{Src}/nova.conf", dest = "/etc/nova/nova.conf", owner = "nova", perm },
            new { source = $"{Src}/domains", dest = "/etc/nova/domains", owner = "nova", perm = "0640" },
        },
    };
}
