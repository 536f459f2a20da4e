using System.Runtime.Versioning;
using Kolla.Tests.Lifecycle;

namespace Kolla.Tests.Inputs;

/// <summary>Inputs the CLI refuses with one located line (docs/inputs.md), against a copy of samples/all-in-one.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class RejectedInputTests(SampleConfig sample) : IClassFixture<SampleConfig>, IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("kolla-cli-inputs-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private string CopyOfSample()
    {
        var configdir = Path.Combine(_scratch, "conf");
        SampleConfig.Copy(sample.Directory, configdir);
        File.Copy(Path.Combine(sample.Directory, "passwords.yml"), Path.Combine(configdir, "passwords.yml"));
        return configdir;
    }

    private static void ShouldBeOneErrorLine(int code, string output, string error, string expectedStart)
    {
        code.Should().Be(1, error);
        output.Should().BeEmpty();
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which.Should().StartWith(expectedStart);
    }

    [Fact]
    public async Task Plan_TabInGlobalsIndentation_IsReportedAtTheTabsLineAndColumn()
    {
        var configdir = CopyOfSample();
        var globals = Path.Combine(configdir, "globals.yml");
        await File.WriteAllTextAsync(globals, "kolla_base_distro: debian\nnetwork_interface: eth0\nextra:\n\t- x\n", TestContext.Current.CancellationToken);

        var (code, output, error) = await CliRun.RunAsync("plan", "-i", sample.Inventory, "--configdir", configdir, "--executor", "dry-run");

        // PyYAML and libyaml: "found character '\t' that cannot start any token ... line 4, column 1".
        ShouldBeOneErrorLine(code, output, error, $"error: {globals}:4: invalid YAML: found character '\\t' that cannot start any token (column 1)");
    }

    [Fact]
    public async Task Plan_ControlCharacterInGlobals_IsRefusedAsPyYamlRefusesIt()
    {
        var configdir = CopyOfSample();
        var globals = Path.Combine(configdir, "globals.yml");
        await File.WriteAllTextAsync(globals, "kolla_base_distro: debian\nopenstack_region_name: \"Region\a\"\n", TestContext.Current.CancellationToken);

        var (code, output, error) = await CliRun.RunAsync("plan", "-i", sample.Inventory, "--configdir", configdir, "--executor", "dry-run");

        ShouldBeOneErrorLine(code, output, error, $"error: {globals}:2: invalid YAML: unacceptable character #x0007 at column 31: special characters are not allowed");
    }

    [Fact]
    public async Task Plan_TemplateErrorInAnInlineExtraVar_NamesTheExtraVarNotATemplate()
    {
        var (code, output, error) = await CliRun.RunAsync(sample.Args("plan", "-e", """{"enable_placement": "{{"}"""));

        ShouldBeOneErrorLine(code, output, error, """error: -e '{"enable_placement": "{{"}':1: cannot evaluate 'enable_placement' (needed by localhost: placement_api): tag '{{' is never closed""");
    }

    [Fact]
    public async Task Plan_UndefinedNameInAnExtraVarsFile_NamesTheFileAndLine()
    {
        var vars = Path.Combine(_scratch, "vars.yml");
        await File.WriteAllTextAsync(vars, "openstack_region_name: RegionOne\nenable_placement: \"{{ nope }}\"\n", TestContext.Current.CancellationToken);

        var (code, output, error) = await CliRun.RunAsync(sample.Args("plan", "-e", "@" + vars));

        ShouldBeOneErrorLine(code, output, error, $"error: {vars}:2: cannot evaluate 'enable_placement' (needed by localhost: placement_api): undefined variable 'nope'");
    }

    [Fact]
    public async Task Plan_KeyValueExtraVar_NamesTheOption()
    {
        var (code, output, error) = await CliRun.RunAsync(sample.Args("plan", "-e", "enable_placement={{"));

        ShouldBeOneErrorLine(code, output, error, "error: -e 'enable_placement={{': cannot evaluate 'enable_placement' (needed by localhost: placement_api): tag '{{' is never closed");
    }

    [Fact]
    public async Task Plan_YamlErrorInAnInlineExtraVar_NamesTheOption()
    {
        var (code, output, error) = await CliRun.RunAsync(sample.Args("plan", "-e", "{a: [}"));

        ShouldBeOneErrorLine(code, output, error, "error: -e '{a: [}':1: YAML syntax error:");
    }

    [Fact]
    public async Task Plan_OverridePathThatIsADirectory_IsRefusedNamingIt()
    {
        var configdir = CopyOfSample();
        var wrong = Path.Combine(configdir, "config", "nova.conf");
        Directory.CreateDirectory(wrong);
        await File.WriteAllTextAsync(Path.Combine(wrong, "debug.conf"), "[DEFAULT]\ndebug = True\n", TestContext.Current.CancellationToken);

        var (code, output, error) = await CliRun.RunAsync("plan", "-i", sample.Inventory, "--configdir", configdir, "--executor", "dry-run");

        ShouldBeOneErrorLine(code, output, error, "error: localhost: nova_");
        error.Should().Contain($"{wrong}: is a directory where an override file is expected");
    }
}
