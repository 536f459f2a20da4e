namespace Kolla.Start.Tests;

public sealed class StartProgramTests : IDisposable
{
    private readonly TempRoot _root = new();

    public StartProgramTests() => _root.Config("""{"command": "/usr/bin/nova-api --config-file /etc/nova/nova.conf  'a b'"}""");

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Without_ExtendScriptTheCommandIsSplitOnWhitespaceAndExeced()
    {
        var (outcome, stdout, _) = Run("kolla_start", [], new() { ["KOLLA_CONFIG_STRATEGY"] = "COPY_ALWAYS" });

        outcome.ExitCode.Should().Be(0);
        outcome.Exec.Should().NotBeNull();
        outcome.Exec!.File.Should().Be("/usr/bin/nova-api");
        outcome.Exec.Arguments.Should().Equal("/usr/bin/nova-api", "--config-file", "/etc/nova/nova.conf", "'a", "b'");
        outcome.Exec.Environment.Should().ContainKey("KOLLA_CONFIG_STRATEGY");
        stdout.Should().Contain("Running command: '/usr/bin/nova-api");
    }

    [Fact]
    public void With_ExtendScriptBashSourcesItAndGetsTheCommandThroughTheEnvironment()
    {
        _root.Write(StartProgram.ExtendStartPath, "true\n");

        var (outcome, _, _) = Run("/usr/local/bin/kolla_start", [], new() { ["KOLLA_CONFIG_STRATEGY"] = "COPY_ALWAYS" });

        outcome.Exec!.File.Should().Be("/bin/bash");
        outcome.Exec.Arguments.Should().Equal("/bin/bash", "-c", StartProgram.ExtendScript, "kolla_start");
        outcome.Exec.Environment["KOLLA_START_COMMAND"].Should().Be("/usr/bin/nova-api --config-file /etc/nova/nova.conf  'a b'");
        outcome.Exec.Environment["KOLLA_START_EXTEND"].Should().Be(_root.Host(StartProgram.ExtendStartPath));
        StartProgram.ExtendScript.Should().Contain("exec ${CMD} ${ARGS}");
    }

    [Fact]
    public void Skip_ExtendStartCountsEvenWhenEmpty()
    {
        _root.Write(StartProgram.ExtendStartPath, "true\n");

        var (outcome, _, _) = Run("kolla_start", [], new() { ["KOLLA_CONFIG_STRATEGY"] = "COPY_ALWAYS", ["KOLLA_SKIP_EXTEND_START"] = string.Empty });

        outcome.Exec!.File.Should().Be("/usr/bin/nova-api");
    }

    [Fact]
    public void Failing_ConfigStepEndsWithItsCodeAndNothingIsExeced()
    {
        var (outcome, _, stderr) = Run("kolla_start", [], []);

        outcome.Should().Be(new StartOutcome(1));
        stderr.Should().Contain("KOLLA_CONFIG_STRATEGY is not set properly");
    }

    [Theory]
    [InlineData("/usr/local/bin/kolla_set_configs")]
    [InlineData("kolla_set_configs")]
    public void Invoked_AsKollaSetConfigsOnlyTheConfigStepRuns(string name)
    {
        var (outcome, _, _) = Run(name, [], new() { ["KOLLA_CONFIG_STRATEGY"] = "COPY_ALWAYS" });

        outcome.Should().Be(new StartOutcome(0));
        _root.Read("/run_command").Should().StartWith("/usr/bin/nova-api");
    }

    [Fact]
    public void Set_ConfigsFlagAndCheck()
    {
        Run("kolla_start", ["--set-configs"], new() { ["KOLLA_CONFIG_STRATEGY"] = "COPY_ALWAYS" }).Outcome.Should().Be(new StartOutcome(0));
        Run("kolla_start", ["--set-configs", "--check"], []).Outcome.Should().Be(new StartOutcome(0));
        _root.Config("""{"command": "other"}""");
        Run("kolla_set_configs", ["--check"], []).Outcome.Should().Be(new StartOutcome(1));
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--check")]
    public void Bad_ArgumentsExit2(string argument)
    {
        var (outcome, _, stderr) = Run("kolla_start", [argument], new() { ["KOLLA_CONFIG_STRATEGY"] = "COPY_ALWAYS" });

        outcome.Should().Be(new StartOutcome(2));
        stderr.Should().Contain("usage:");
    }

    [Fact]
    public void Root_OverrideIsRefusedUnderSudo()
    {
        var args = new[] { "--root", _root.Directory };
        var (outcome, _, _) = RunRaw("kolla_set_configs", args, new() { ["SUDO_UID"] = "1000" });

        outcome.ExitCode.Should().Be(2);
    }

    [Theory]
    [InlineData("", new string[0])]
    [InlineData("  \n", new string[0])]
    [InlineData("uwsgi /etc/nova/nova-api-uwsgi.ini", new[] { "uwsgi", "/etc/nova/nova-api-uwsgi.ini" })]
    [InlineData("a\tb\nc  d", new[] { "a", "b", "c", "d" })]
    public void Words_split_like_an_unquoted_expansion(string command, string[] words) =>
        StartProgram.SplitWords(command).Should().Equal(words);

    private (StartOutcome Outcome, string Stdout, string Stderr) Run(string name, string[] args, Dictionary<string, string> environment) =>
        RunRaw(name, ["--root", _root.Directory, .. args], environment);

    private static (StartOutcome Outcome, string Stdout, string Stderr) RunRaw(string name, string[] args, Dictionary<string, string> environment)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var outcome = StartProgram.Run(name, args, environment, stdout, stderr);
        return (outcome, stdout.ToString(), stderr.ToString());
    }
}
