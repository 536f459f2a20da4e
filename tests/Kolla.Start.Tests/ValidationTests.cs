namespace Kolla.Start.Tests;

public sealed class ValidationTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Theory]
    [InlineData("""{"config_files": []}""", "InvalidConfig: Config is missing required \"command\" key")]
    [InlineData("""{"command": "x", "config_files": [{"source": "/a"}]}""", "InvalidConfig: Config is missing required keys: {'source', 'dest'}")]
    [InlineData("""{"command": "x", "config_files": [{"source": "/a", "dest": "/b", "owner": "nova"}]}""", "InvalidConfig: Config needs preserve_properties or owner and perm")]
    [InlineData("""{"command": "x", "directories": [{"path": "/d", "owner": "nova"}]}""", "InvalidConfig: directories config is missing required keys: {'perm'}")]
    [InlineData("""{"command": "x", "files": [{"path": "/f", "owner": null, "perm": "0600"}]}""", "InvalidConfig: files config key \"owner\" must not be null")]
    [InlineData("""{"command": "x", "directories": [{"path": "/d/*", "owner": "nova", "perm": "0755"}]}""", "InvalidConfig: directories config does not support glob paths: /d/*")]
    [InlineData("""{"command": "x",""", "InvalidConfig: Invalid json file found at /var/lib/kolla/config_files/config.json")]
    public void Invalid_config_exits_1_with_one_error_line(string json, string expected)
    {
        _root.Config(json);

        var (code, log) = _root.SetConfigs();

        code.Should().Be(1);
        log.Should().MatchRegex(@"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} (INFO|ERROR) .*\n)+$");
        log.Should().Contain(" ERROR " + expected + "\n");
    }

    [Fact]
    public void Missing_ConfigJsonCannotBeRead()
    {
        var (code, log) = _root.SetConfigs();

        code.Should().Be(1);
        log.Should().Contain("ERROR InvalidConfig: Could not read file /var/lib/kolla/config_files/config.json: No such file or directory");
    }

    [Fact]
    public void Preserve_PropertiesReplacesOwnerAndPerm()
    {
        _root.Write("/var/lib/kolla/config_files/a", "a");
        _root.Config("""{"command": "x", "config_files": [{"source": "/var/lib/kolla/config_files/a", "dest": "/etc/a", "preserve_properties": true}]}""");

        _root.SetConfigs().Code.Should().Be(0);
        _root.Read("/etc/a").Should().Be("a");
    }

    [Theory]
    [InlineData("""{"command": "x", "config_files": [{"source": "/s", "dest": "/d", "owner": "nova", "perm": "0600", "mode": "x"}]}""", "TypeError: config_files entry got an unexpected key 'mode'")]
    [InlineData("""{"command": "x", "config_files": [{"source": "/s", "dest": "/d", "owner": "nova", "perm": 600}]}""", "TypeError: \"perm\" must be a string")]
    [InlineData("""{"command": "x", "permissions": [{"path": "/s", "owner": "nova", "perm": "rw-"}]}""", "ValueError: invalid perm 'rw-'")]
    [InlineData("""{"command": "x", "permissions": [{"path": "/nothing/*", "owner": "glance"}]}""", "KeyError: getpwnam(): name not found: 'glance'")]
    [InlineData("""{"command": "x", "permissions": [{"path": "/nothing", "owner": "nova:wheel"}]}""", "KeyError: getgrnam(): name not found: 'wheel'")]
    public void Crashes_exit_2_as_unexpected_errors_without_stack_trace(string json, string expected)
    {
        _root.Config(json);

        var (code, log) = _root.SetConfigs();

        code.Should().Be(2);
        log.Should().Contain(" ERROR Unexpected error: " + expected);
        log.Should().NotContain("   at ");
    }

    [Fact]
    public void Nothing_IsTouchedWhenALaterEntryIsInvalid()
    {
        _root.Config("""
            {"command": "x",
             "directories": [{"path": "/var/log/kolla/nova", "owner": "nova", "perm": "0755"}],
             "config_files": [{"source": "/s", "dest": "/d", "owner": "nova", "perm": 644}]}
            """);

        _root.SetConfigs().Code.Should().Be(2);

        _root.Exists("/var/log/kolla").Should().BeFalse();
        _root.Exists("/run_command").Should().BeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("COPY_SOMETIMES")]
    public void Strategy_MustBeSetProperly(string? strategy)
    {
        _root.Config("""{"command": "x"}""");

        var (code, log) = _root.SetConfigs(strategy);

        code.Should().Be(1);
        log.Should().Contain("ERROR InvalidConfig: KOLLA_CONFIG_STRATEGY is not set properly");
        _root.Exists("/run_command").Should().BeFalse();
    }

    [Fact]
    public void Config_YamlWinsOverConfigJson()
    {
        _root.Config("""{"command": "from-json"}""");
        _root.Write("/var/lib/kolla/config_files/config.yaml", "command: from-yaml\nconfig_files: []\n");

        _root.SetConfigs().Code.Should().Be(0);

        _root.Read("/run_command").Should().Be("from-yaml");
    }

    [Theory]
    [InlineData("", 1, "InvalidConfig: Invalid yaml file found at /var/lib/kolla/config_files/config.yaml: file is empty")]
    [InlineData("command: [unclosed\n", 1, "InvalidConfig: Invalid yaml file found at /var/lib/kolla/config_files/config.yaml")]
    [InlineData("command: x\npermissions:\n  - path: /a\n    owner: nova\n    perm: 0644\n", 2, "TypeError: \"perm\" must be a string")]
    public void Config_YamlErrors(string yaml, int exit, string expected)
    {
        _root.Write("/var/lib/kolla/config_files/config.yaml", yaml);

        var (code, log) = _root.SetConfigs();

        code.Should().Be(exit);
        log.Should().Contain(expected);
    }
}
