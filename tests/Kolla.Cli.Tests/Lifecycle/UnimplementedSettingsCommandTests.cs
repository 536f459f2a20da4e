using System.Runtime.Versioning;

namespace Kolla.Tests.Lifecycle;

/// <summary>
/// Lifecycle verbs refuse inputs that ask for what the catalogue does not implement (cinder, heat, TLS, Podman, OVN, ...),
/// naming each setting and where it is set; <c>--allow-unimplemented</c> turns that into a warning. On the dry-run executor
/// against a copy of samples/all-in-one.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class UnimplementedSettingsCommandTests(SampleConfig sample) : IClassFixture<SampleConfig>, IDisposable
{
    private const string FiveSettings = """
        enable_cinder: "yes"
        enable_heat: "yes"
        kolla_enable_tls_backend: "yes"
        kolla_container_engine: lxc
        neutron_plugin_agent: ovn

        """;

    private readonly string _scratch = Directory.CreateTempSubdirectory("kolla-cli-unimpl-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string ConfigDir => Path.Combine(_scratch, "conf");

    /// <summary>Copies the sample to <see cref="ConfigDir"/>, changes its globals.yml, and returns the line the first appended line lands on.</summary>
    private async Task<int> ConfigAsync(string append, Func<string, string>? edit = null)
    {
        SampleConfig.Copy(sample.Directory, ConfigDir);
        var globals = Path.Combine(ConfigDir, "globals.yml");
        var text = (edit ?? (t => t))(await File.ReadAllTextAsync(globals, Token));
        if (!text.EndsWith('\n'))
        {
            text += "\n";
        }

        await File.WriteAllTextAsync(globals, text + append, Token);
        return text.Count(c => c == '\n') + 1;
    }

    private string[] Args(params string[] verbAndMore) =>
        [.. verbAndMore, "-i", sample.Inventory, "--configdir", ConfigDir, "--passwords", Path.Combine(sample.Directory, "passwords.yml"), "--executor", "dry-run"];

    private static string FiveLines(int first) => $"""
          globals.yml:{first}: enable_cinder: "yes" — service 'cinder' is not in the catalogue
          globals.yml:{first + 1}: enable_heat: "yes" — service 'heat' is not in the catalogue
          globals.yml:{first + 2}: kolla_enable_tls_backend: "yes" — TLS between HAProxy and the services (backend TLS) is not implemented
          globals.yml:{first + 3}: kolla_container_engine: "lxc" — only Docker and Podman are implemented
          globals.yml:{first + 4}: neutron_plugin_agent: "ovn" — only the Open vSwitch agent is implemented

        """;

    [Fact]
    public async Task Plan_FiveUnimplementedSettings_ExitsOneWithOneMessageListingAllWithTheirLines()
    {
        var first = await ConfigAsync(FiveSettings);

        var (code, output, error) = await CliRun.RunAsync(Args("plan"));

        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Be("error: settings this deployment asks for are not implemented (use --allow-unimplemented to continue anyway):\n" + FiveLines(first));
    }

    [Theory]
    [InlineData("genconfig")]
    [InlineData("deploy")]
    [InlineData("deploy-containers")]
    [InlineData("reconfigure")]
    [InlineData("check")]
    [InlineData("upgrade")]
    [InlineData("pull")]
    public async Task EveryVerbThatChangesHosts_RefusesBeforeTouchingAnything(string verb)
    {
        await ConfigAsync("enable_cinder: \"yes\"\n");

        var (code, output, error) = await CliRun.RunAsync(Args(verb));

        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().StartWith("error: settings this deployment asks for are not implemented").And.Contain("enable_cinder: \"yes\" — service 'cinder' is not in the catalogue");
    }

    [Fact]
    public async Task Plan_AllowUnimplemented_WarnsOnStderrAndContinues()
    {
        var first = await ConfigAsync(FiveSettings);

        var (code, output, error) = await CliRun.RunAsync(Args("plan", "--no-diff", "--allow-unimplemented"));

        code.Should().Be(0, error);
        error.Should().Be("warning: settings this deployment asks for are not implemented; continuing anyway (--allow-unimplemented):\n" + FiveLines(first));
        output.Should().MatchRegex(@"Plan: \d+ change\(s\) on 1 host\(s\)\.\n$");
    }

    [Fact]
    public async Task Prechecks_FailsOnEachSetting_AndWarnsWithAllowUnimplemented()
    {
        var first = await ConfigAsync(FiveSettings);

        var refused = await CliRun.RunAsync(Args("prechecks"));
        var allowed = await CliRun.RunAsync(Args("prechecks", "--allow-unimplemented"));

        refused.Code.Should().Be(1);
        refused.Out.Should().Contain($"FAIL  unimplemented  globals.yml:{first}: enable_cinder: \"yes\" — service 'cinder' is not in the catalogue\n")
            .And.Contain($"FAIL  unimplemented  globals.yml:{first + 4}: neutron_plugin_agent: \"ovn\" — only the Open vSwitch agent is implemented\n")
            .And.MatchRegex(@"prechecks: \d+ passed, 0 warning\(s\), 5 failed, 1 skipped\n$");
        allowed.Code.Should().Be(0, allowed.Out + allowed.Error);
        allowed.Out.Should().Contain($"WARN  unimplemented  globals.yml:{first + 2}: kolla_enable_tls_backend: \"yes\" — TLS between HAProxy and the services (backend TLS) is not implemented\n")
            .And.MatchRegex(@"prechecks: \d+ passed, 5 warning\(s\), 0 failed, 1 skipped\n$");
    }

    [Fact]
    public async Task Prechecks_Sample_PassesTheUnimplementedCheck()
    {
        await ConfigAsync(string.Empty);

        var (code, output, error) = await CliRun.RunAsync(Args("prechecks"));

        code.Should().Be(0, output + error);
        output.Should().Contain("ok    unimplemented  nothing is set that the catalogue does not implement\n");
    }

    [Fact]
    public async Task Plan_CatalogueOverlayWithAServiceNamedCinder_NoLongerRefusesCinder()
    {
        var first = await ConfigAsync("enable_cinder: \"yes\"\nenable_cinder_backup: \"yes\"\nenable_heat: \"yes\"\n");
        var catalogue = Path.Combine(_scratch, "catalogue");
        Directory.CreateDirectory(Path.Combine(catalogue, "cinder"));
        await File.WriteAllTextAsync(Path.Combine(catalogue, "cinder", "service.yml"), "service: cinder\n", Token);

        var without = await CliRun.RunAsync(Args("plan", "--no-diff"));
        var with = await CliRun.RunAsync(Args("plan", "--no-diff", "--catalogue", catalogue));

        without.Error.Should().Contain("enable_cinder:").And.Contain("enable_cinder_backup:").And.Contain("enable_heat:");
        with.Code.Should().Be(1);
        with.Error.Should().Be(
            "error: settings this deployment asks for are not implemented (use --allow-unimplemented to continue anyway):\n"
            + $"  globals.yml:{first + 2}: enable_heat: \"yes\" — service 'heat' is not in the catalogue\n");
    }

    [Fact]
    public async Task Plan_ValuesFromTheInventoryAndFromExtraVars_AreNamedAsSuch()
    {
        await ConfigAsync(string.Empty);
        var inventory = Path.Combine(_scratch, "inventory");
        var text = await File.ReadAllTextAsync(sample.Inventory, Token);
        await File.WriteAllTextAsync(inventory, text.TrimEnd('\n') + "\n\n[all:vars]\nkolla_enable_tls_backend=yes\n", Token);
        var line = text.TrimEnd('\n').Count(c => c == '\n') + 4;

        var (code, _, error) = await CliRun.RunAsync(
            "plan", "-i", inventory, "--configdir", ConfigDir, "--passwords", Path.Combine(sample.Directory, "passwords.yml"), "--executor", "dry-run",
            "-e", "enable_octavia=yes");

        code.Should().Be(1);
        error.Should().Be(
            "error: settings this deployment asks for are not implemented (use --allow-unimplemented to continue anyway):\n"
            + $"  inventory {inventory}:{line}: kolla_enable_tls_backend: \"yes\" — TLS between HAProxy and the services (backend TLS) is not implemented\n"
            + "  -e: enable_octavia: \"yes\" — service 'octavia' is not in the catalogue\n");
    }

    [Fact]
    public async Task Plan_HeatLeftToKollaAnsiblesDefault_WarnsButRuns_AndSettingItToNoSilencesIt()
    {
        await ConfigAsync(string.Empty, t => t.Replace("enable_heat: \"no\"\n", string.Empty, StringComparison.Ordinal));

        var unset = await CliRun.RunAsync(Args("plan", "--no-diff"));
        var tagged = await CliRun.RunAsync(Args("plan", "--no-diff", "--tags", "keystone"));
        await ConfigAsync(string.Empty);
        var no = await CliRun.RunAsync(Args("plan", "--no-diff"));

        unset.Code.Should().Be(0, unset.Error);
        unset.Error.Should().Be(
            "warning: enable_heat is not set and kolla-ansible's default (enable_openstack_core | bool) makes it true — "
            + "service 'heat' is not in the catalogue; set enable_heat: \"no\" to silence this\n");
        unset.Out.Should().Contain("Plan: ");
        tagged.Code.Should().Be(0, tagged.Error);
        tagged.Error.Should().BeEmpty("a run narrowed by --tags would not deploy heat with kolla-ansible either");
        no.Code.Should().Be(0, no.Error);
        no.Error.Should().BeEmpty();
    }

    [Theory]
    [InlineData("destroy", "--include-volumes")]
    [InlineData("destroy")]
    [InlineData("stop")]
    public async Task StopAndDestroy_AreNeverRefused(string verb, params string[] more)
    {
        await ConfigAsync(FiveSettings);

        var (code, output, error) = await CliRun.RunAsync(Args([verb, .. more, "--yes-i-really-really-mean-it"]));

        code.Should().Be(0, error);
        error.Should().BeEmpty();
        output.Should().StartWith($"{verb} (dry run): 1 host(s); nothing is changed\n");
    }

    [Fact]
    public async Task GatherFacts_IsNotRefused()
    {
        await ConfigAsync(FiveSettings);

        var (code, output, error) = await CliRun.RunAsync(Args("gather-facts"));

        code.Should().Be(0, error);
        error.Should().BeEmpty();
        output.Should().MatchRegex("gather-facts: 1 host\\(s\\) written to .*/facts\n$");
    }

    [Fact]
    public async Task PostDeploy_OnlyWarns()
    {
        await ConfigAsync("enable_cinder: \"yes\"\n");

        var (code, _, error) = await CliRun.RunAsync("post-deploy", "-i", sample.Inventory, "--configdir", ConfigDir, "--passwords", Path.Combine(sample.Directory, "passwords.yml"), "-o", Path.Combine(_scratch, "out"));

        code.Should().Be(0, error);
        error.Should().StartWith("warning: settings this deployment asks for are not implemented").And.Contain("enable_cinder");
    }

    [Fact]
    public async Task Help_OfALifecycleVerb_ListsAllowUnimplemented()
    {
        var (code, output, _) = await CliRun.RunAsync("plan", "--help");

        code.Should().Be(0);
        output.Should().Contain("--allow-unimplemented");
    }
}
