using Kolla.TestKit;

namespace Kolla.Start.Tests;

[Trait("Category", "Integration")]
public sealed class PublishedBinaryTests(PublishedBinary binary) : IClassFixture<PublishedBinary>, IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Native_BinarySetsConfigsChecksAndExecsThroughTheExtendScript()
    {
        var ct = TestContext.Current.CancellationToken;
        var marker = System.IO.Path.Combine(_root.Directory, "ran");
        _root.Write("/var/lib/kolla/config_files/svc.conf", "setting = 1\n");
        _root.Config(new
        {
            command = "/usr/bin/touch " + marker,
            config_files = new[] { new { source = "/var/lib/kolla/config_files/*.conf", dest = "/etc/svc/", owner = "nova:kolla", perm = "0640" } },
        });
        // The image hook: bootstrap exits 0 before the command; otherwise it appends ARGS.
        _root.Write(StartProgram.ExtendStartPath, """
            if [[ "${!KOLLA_BOOTSTRAP[@]}" ]]; then
                touch "${MARKER_DIR}/bootstrapped"
                exit 0
            fi
            ARGS="${MARKER_DIR}/with-args"
            """);
        var environment = new Dictionary<string, string?>
        {
            ["KOLLA_CONFIG_STRATEGY"] = "COPY_ALWAYS",
            ["MARKER_DIR"] = _root.Directory,
            ["KOLLA_BOOTSTRAP"] = null,
            ["KOLLA_SKIP_EXTEND_START"] = null,
            // --root is refused under sudo; the suite may run as `sudo ./scripts/test.sh`.
            ["SUDO_UID"] = null,
        };

        var start = await ExternalCommand.RunAsync(binary.Path, ["--root", _root.Directory], environment, ct);

        start.ExitCode.Should().Be(0, start.StandardError);
        start.StandardError.Should().MatchRegex(@"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} INFO Copying /var/lib/kolla/config_files/svc.conf to /etc/svc/svc.conf");
        start.StandardOutput.Should().Contain($"Running command: '/usr/bin/touch {marker} {_root.Directory}/with-args'");
        File.Exists(marker).Should().BeTrue();
        File.Exists(System.IO.Path.Combine(_root.Directory, "with-args")).Should().BeTrue();
        _root.Stat("/etc/svc/svc.conf").LastFourOctalDigits.Should().Be("0640");
        _root.Stat("/etc/svc/svc.conf").Gid.Should().Be(_root.KollaGid);

        // Bootstrap: the hook exits 0 and the command never runs.
        File.Delete(marker);
        var bootstrap = await ExternalCommand.RunAsync(binary.Path, ["--root", _root.Directory], new Dictionary<string, string?>(environment) { ["KOLLA_BOOTSTRAP"] = string.Empty }, ct);
        bootstrap.ExitCode.Should().Be(0, bootstrap.StandardError);
        File.Exists(System.IO.Path.Combine(_root.Directory, "bootstrapped")).Should().BeTrue();
        File.Exists(marker).Should().BeFalse();

        // As kolla_set_configs (a symbolic link): --check is clean, then sees a changed file.
        var link = System.IO.Path.Combine(_root.Directory, "kolla_set_configs");
        File.CreateSymbolicLink(link, binary.Path);
        (await ExternalCommand.RunAsync(link, ["--check", "--root", _root.Directory], environment, ct)).ExitCode.Should().Be(0);
        _root.Write("/var/lib/kolla/config_files/svc.conf", "setting = 2\n");
        var check = await ExternalCommand.RunAsync(link, ["--check", "--root", _root.Directory], environment, ct);
        check.ExitCode.Should().Be(1);
        check.StandardError.Should().Contain("ERROR ConfigFileBadState: Following files are in bad state: ['/var/lib/kolla/config_files/svc.conf']");

        // Without the hook the command is exec'd directly; a crash is one line and exit 2.
        File.Delete(_root.Host(StartProgram.ExtendStartPath));
        File.Delete(marker);
        (await ExternalCommand.RunAsync(binary.Path, ["--root", _root.Directory], environment, ct)).ExitCode.Should().Be(0);
        File.Exists(marker).Should().BeTrue();
        _root.Config("""{"command": "x", "permissions": [{"path": "/x", "owner": "nobody-here"}]}""");
        var crash = await ExternalCommand.RunAsync(link, ["--root", _root.Directory], environment, ct);
        crash.ExitCode.Should().Be(2);
        crash.StandardError.Should().Contain("ERROR Unexpected error: KeyError: getpwnam(): name not found: 'nobody-here'");
        crash.StandardError.Should().NotContain("   at ");
    }
}
