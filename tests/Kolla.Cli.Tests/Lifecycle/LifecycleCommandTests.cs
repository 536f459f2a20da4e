using System.Runtime.Versioning;
using System.Text.Json;
using Kolla.TestKit;

namespace Kolla.Tests.Lifecycle;

/// <summary>Every lifecycle verb on the dry-run executor against a copy of samples/all-in-one.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class LifecycleCommandTests(SampleConfig sample) : IClassFixture<SampleConfig>, IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("kolla-cli-life-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Theory]
    [InlineData("deploy")]
    [InlineData("deploy-containers")]
    [InlineData("reconfigure")]
    public async Task DeployVerbs_DryRun_PrintThePlan(string verb)
    {
        var (code, output, error) = await CliRun.RunAsync(sample.Args(verb));

        code.Should().Be(0, error);
        error.Should().BeEmpty();
        output.Should().StartWith($"{verb} (dry run): 1 host(s), 29 container(s); nothing is changed\n");
        output.Should().Contain("   containers: 29 to create, 1 to reload\n     + create: kolla_toolbox, cron, fluentd,").And.Contain(" keystone, ")
            .And.Contain("     + reload container nova_scheduler (SIGHUP after one-shot create_cell_nova)\n")
            .And.NotContain("+++", "a long plan is summarised: no diff without --diff");
    }

    [Fact]
    public async Task ReadmeFirstCommand_DeployDryRunOfTheAllInOne_PrintsASummaryUnder100Lines()
    {
        // The README's first set-up command, run in-process on a copy of the sample (passwords generated with small keys).
        var readme = await File.ReadAllLinesAsync(Path.Combine(RepositoryPaths.Root, "README.md"), TestContext.Current.CancellationToken);
        var command = readme.SkipWhile(l => l != "```sh").Skip(1).First();
        command.Should().StartWith("dotnet run --project src/Kolla.Cli -- deploy ");
        var args = command[(command.IndexOf(" -- ", StringComparison.Ordinal) + 4)..].Split(' ')
            .Select(a => a == "samples/all-in-one" ? sample.Directory : a == "samples/all-in-one/inventory" ? sample.Inventory : a).ToArray();
        args.Should().Contain(sample.Directory).And.Contain(sample.Inventory);

        var (code, output, error) = await CliRun.RunAsync(args);

        code.Should().Be(0, error);
        error.Should().BeEmpty();
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCountLessThan(100, output);
        output.Should().Contain("== localhost (191 change(s))\n   files: 101 to create (+").And.Contain("   containers: 29 to create, 1 to reload\n")
            .And.Contain("   also: 11 volume(s) to create, 26 image(s) to pull, 23 one-shot job(s) to run\n").And.EndWith("Plan: 191 change(s) on 1 host(s).\n");
    }

    [Theory]
    [InlineData("deploy")]
    [InlineData("reconfigure")]
    [InlineData("upgrade")]
    [InlineData("genconfig")]
    [InlineData("plan")]
    public async Task DryRunVerbs_DiffGlob_ShowOnlyTheDiffsOfMatchingFiles(string verb)
    {
        var (code, output, error) = await CliRun.RunAsync(sample.Args(verb, "--diff", "keystone/keystone.conf"));

        code.Should().Be(0, error);
        output.Should().Contain("+ create /etc/kolla/keystone/keystone.conf\n       --- /dev/null\n       +++ /etc/kolla/keystone/keystone.conf\n")
            .And.Contain("+ create /etc/kolla/nova-api/nova.conf\n   ").And.NotContain("+++ /etc/kolla/nova-api/nova.conf");
        output.Split('\n').Count(l => l.StartsWith("       +++ ", StringComparison.Ordinal)).Should().Be(1);
    }

    [Fact]
    public async Task DryRun_DiffAndNoDiffTogether_AreRefused()
    {
        var (code, output, error) = await CliRun.RunAsync(sample.Args("deploy", "--diff", "--no-diff"));

        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Be("--diff and --no-diff exclude each other\n");
    }

    [Fact]
    public async Task Plan_DetailedExitcode_Is2WhenChangesArePending()
    {
        var (code, output, _) = await CliRun.RunAsync(sample.Args("plan", "--detailed-exitcode", "--no-diff"));

        code.Should().Be(2);
        output.Should().MatchRegex(@"Plan: \d+ change\(s\) on 1 host\(s\)\.\n$");
    }

    [Fact]
    public async Task Check_ReportsDriftWithExit2()
    {
        var (code, output, _) = await CliRun.RunAsync(sample.Args("check"));

        code.Should().Be(2);
        output.Should().Contain("== localhost");
    }

    [Fact]
    public async Task Genconfig_Output_WritesEveryHostsFiles()
    {
        var (code, output, error) = await CliRun.RunAsync(sample.Args("genconfig", "--output", _scratch));

        code.Should().Be(0, error);
        output.Should().MatchRegex(@"^genconfig: wrote \d+ file\(s\) for 1 host\(s\) under ");
        File.Exists(Path.Combine(_scratch, "localhost", "keystone", "keystone.conf")).Should().BeTrue();
    }

    [Fact]
    public async Task Prechecks_Sample_Passes()
    {
        var (code, output, error) = await CliRun.RunAsync(sample.Args("prechecks"));

        code.Should().Be(0, output + error);
        output.Should().Contain("ok    addresses  kolla_internal_vip_address is 127.0.0.1\n")
            .And.Contain("ok    inventory  1 host(s); every group the enabled services use exists\n")
            .And.Contain("skip  docker     localhost: engine version unknown")
            .And.MatchRegex(@"prechecks: \d+ passed, 0 warning\(s\), 0 failed, 1 skipped\n$");
    }

    [Fact]
    public async Task Prechecks_MissingGroupAndEmptyPassword_Fail()
    {
        var inventory = Path.Combine(_scratch, "inventory");
        var text = await File.ReadAllTextAsync(sample.Inventory, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(inventory, text.Replace("[memcached:children]", "[not-memcached:children]", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var passwords = Path.Combine(_scratch, "passwords.yml");
        var yaml = await File.ReadAllTextAsync(Path.Combine(sample.Directory, "passwords.yml"), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(passwords, System.Text.RegularExpressions.Regex.Replace(yaml, "(?m)^keystone_admin_password: .*$", "keystone_admin_password:"), TestContext.Current.CancellationToken);

        var (code, output, _) = await CliRun.RunAsync("prechecks", "-i", inventory, "--configdir", sample.Directory, "--passwords", passwords, "--executor", "dry-run");

        code.Should().Be(1);
        output.Should().Contain("FAIL  inventory  group 'memcached' is not in the inventory, but the enabled container memcached (memcached) runs on it")
            .And.Contain("FAIL  passwords  'keystone_admin_password' (used by keystone) is empty in passwords.yml; run kolla genpwd");
    }

    [Fact]
    public async Task Pull_DryRun_PullsEveryImage_AndPrintsTheRecap()
    {
        var (code, output, error) = await CliRun.RunAsync(sample.Args("pull"));

        code.Should().Be(0, error);
        output.Should().MatchRegex(@"^pull \(dry run\): \d+ image\(s\) on 1 host\(s\)\n");
        output.Should().Contain("localhost: changed: pull image kolla/keystone:").And.Contain("PLAY RECAP\nlocalhost  : ok=0    changed=");
    }

    [Fact]
    public async Task Upgrade_DryRun_ShowsThePullsAndContainersOfThePlan()
    {
        var (code, output, error) = await CliRun.RunAsync(sample.Args("upgrade", "--serial", "1", "--no-diff"));

        code.Should().Be(0, error);
        output.Should().StartWith("upgrade (dry run): 1 host(s), 29 container(s); 1 host(s) of 'compute' in batches of 1\n");
        output.Should().Contain("pull image kolla/nova-libvirt:").And.Contain("create container nova_libvirt").And.EndWith("Plan: 191 change(s) on 1 host(s).\n");
    }

    [Theory]
    [InlineData("stop", "docker")]
    [InlineData("stop", "ssh")]
    [InlineData("destroy", "docker")]
    [InlineData("destroy", "ssh")]
    public async Task StopAndDestroy_RefuseWithoutTheConfirmationFlag(string verb, string executor)
    {
        var (code, output, error) = await CliRun.RunAsync(verb, "-i", sample.Inventory, "--configdir", sample.Directory, "--executor", executor);

        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().EndWith("to really do it, run again with --yes-i-really-really-mean-it\n").And.NotContain("\n ");
    }

    [Theory]
    [InlineData("stop")]
    [InlineData("destroy", "--include-volumes")]
    public async Task StopAndDestroy_DryRun_ShowWhatTheyWouldDo_WithoutTheFlag(string verb, params string[] more)
    {
        var (code, output, error) = await CliRun.RunAsync(sample.Args([verb, .. more]));

        code.Should().Be(0, error);
        output.Should().StartWith($"{verb} (dry run): 1 host(s); nothing is changed\n");
    }

    [Theory]
    [InlineData("stop")]
    [InlineData("destroy")]
    public async Task StopAndDestroy_WithTheFlag_Run(string verb)
    {
        var (code, output, error) = await CliRun.RunAsync(sample.Args(verb, "--yes-i-really-really-mean-it"));

        code.Should().Be(0, error);
        output.Should().StartWith($"{verb} (dry run): 1 host(s); nothing is changed\n");
    }

    [Fact]
    public async Task PostDeploy_WritesBothFilesWithMode0600()
    {
        var (code, output, error) = await CliRun.RunAsync(sample.Args("post-deploy", "--output", _scratch));

        code.Should().Be(0, error);
        var openrc = Path.Combine(_scratch, "admin-openrc.sh");
        var clouds = Path.Combine(_scratch, "clouds.yaml");
        output.Should().Be($"post-deploy: wrote {openrc} (mode 0600)\npost-deploy: wrote {clouds} (mode 0600)\n");
        File.GetUnixFileMode(openrc).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(clouds).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        (await File.ReadAllTextAsync(openrc, TestContext.Current.CancellationToken)).Should().Contain("export OS_AUTH_URL='http://127.0.0.1:5000'\n");
    }

    [Fact]
    public async Task PostDeploy_DefaultsToTheConfigDirectory()
    {
        var configdir = Path.Combine(_scratch, "etc-kolla");
        SampleConfig.Copy(sample.Directory, configdir);
        File.Copy(Path.Combine(sample.Directory, "passwords.yml"), Path.Combine(configdir, "passwords.yml"));

        var (code, _, error) = await CliRun.RunAsync("post-deploy", "-i", Path.Combine(configdir, "inventory"), "--configdir", configdir);

        code.Should().Be(0, error);
        File.GetUnixFileMode(Path.Combine(configdir, "admin-openrc.sh")).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Theory]
    [InlineData("deploy")]
    [InlineData("plan")]
    [InlineData("check")]
    [InlineData("prechecks")]
    [InlineData("pull")]
    [InlineData("upgrade")]
    [InlineData("destroy")]
    [InlineData("stop", "--yes-i-really-really-mean-it")]
    [InlineData("post-deploy")]
    public async Task Json_EveryStdoutLineIsOneJsonObject(string verb, params string[] more)
    {
        var args = sample.Args([verb, "--json", .. more]);
        if (verb == "post-deploy")
        {
            args = [.. args, "--output", _scratch];
        }

        var (code, output, error) = await CliRun.RunAsync(args);

        code.Should().BeOneOf([0, 2], error);
        error.Should().BeEmpty();
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (verb is not ("destroy" or "stop"))
        {
            lines.Should().NotBeEmpty();
        }

        foreach (var line in lines)
        {
            using var document = JsonDocument.Parse(line);
            document.RootElement.ValueKind.Should().Be(JsonValueKind.Object, line);
            document.RootElement.GetProperty("event").GetString().Should().NotBeNullOrEmpty(line);
        }
    }

    [Fact]
    public async Task Json_ErrorsGoToStderr_NothingToStdout()
    {
        var (code, output, error) = await CliRun.RunAsync("deploy", "--json", "-i", Path.Combine(_scratch, "missing"), "--configdir", sample.Directory, "--executor", "dry-run");

        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which.Should().StartWith("error: ");
    }

    [Fact]
    public async Task Interactive_ShowsLiveProgressPerHost_ThenTheRecap()
    {
        var (code, output, error) = await CliRun.RunAsync(interactive: true, sample.Args("pull"));

        code.Should().Be(0, error);
        output.Should().Contain("localhost").And.Contain("changed").And.Contain("PLAY RECAP").And.Contain("\u001b[");
    }

    [Fact]
    public async Task GlobalsPrecedence_UnknownValue_IsOneErrorLine()
    {
        var (code, output, error) = await CliRun.RunAsync(sample.Args("plan", "--globals-precedence", "sideways"));

        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Be("error: --globals-precedence must be 'inventory' or 'kolla-ansible', not 'sideways'\n");
    }

    [Fact]
    public async Task GlobalsPrecedence_KollaAnsible_LetsGlobalsBeatInventoryVars()
    {
        var inventory = Path.Combine(_scratch, "inventory");
        var text = await File.ReadAllTextAsync(sample.Inventory, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(inventory, text + "\n[all:vars]\nopenstack_region_name=FromInventory\n", TestContext.Current.CancellationToken);
        var configdir = Path.Combine(_scratch, "conf");
        SampleConfig.Copy(sample.Directory, configdir);
        File.Copy(Path.Combine(sample.Directory, "passwords.yml"), Path.Combine(configdir, "passwords.yml"));
        await File.AppendAllTextAsync(Path.Combine(configdir, "globals.yml"), "openstack_region_name: \"FromGlobals\"\n", TestContext.Current.CancellationToken);

        var byDefault = await CliRun.RunAsync("post-deploy", "-i", inventory, "--configdir", configdir, "-o", Path.Combine(_scratch, "a"));
        var likeKolla = await CliRun.RunAsync("post-deploy", "-i", inventory, "--configdir", configdir, "-o", Path.Combine(_scratch, "b"), "--globals-precedence", "kolla-ansible");

        byDefault.Code.Should().Be(0, byDefault.Error);
        likeKolla.Code.Should().Be(0, likeKolla.Error);
        (await File.ReadAllTextAsync(Path.Combine(_scratch, "a", "admin-openrc.sh"), TestContext.Current.CancellationToken)).Should().Contain("OS_REGION_NAME='FromInventory'");
        (await File.ReadAllTextAsync(Path.Combine(_scratch, "b", "admin-openrc.sh"), TestContext.Current.CancellationToken)).Should().Contain("OS_REGION_NAME='FromGlobals'");
    }

    [Fact]
    public async Task Help_ListsEveryVerb()
    {
        var (code, output, _) = await CliRun.RunAsync("--help");

        code.Should().Be(0);
        foreach (var verb in new[] { "deploy", "deploy-containers", "reconfigure", "plan", "check", "genconfig", "config", "genpwd", "mergepwd", "inventory", "prechecks", "pull", "upgrade", "stop", "destroy", "post-deploy" })
        {
            output.Should().MatchRegex($@"(?m)^  {System.Text.RegularExpressions.Regex.Escape(verb)}\b", verb);
        }
    }
}
