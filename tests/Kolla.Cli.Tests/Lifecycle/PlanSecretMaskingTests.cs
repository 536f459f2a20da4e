using System.CommandLine;
using System.Runtime.Versioning;
using System.Text;
using Kolla.Cli;
using Kolla.Cli.Commands;
using Kolla.Passwords;
using Kolla.Planning;

namespace Kolla.Tests.Lifecycle;

/// <summary>
/// <c>kolla plan</c> masks values derived from a password (an operator override and a globals variable computing
/// <c>upper</c>, a slice and <c>b64encode</c> of <c>keystone_admin_password</c>), not only the password itself, while
/// <c>genconfig</c> still writes the real values.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class PlanSecretMaskingTests(SampleConfig sample) : IClassFixture<SampleConfig>, IAsyncLifetime
{
    private const string Override = """
        [DEFAULT]
        debug = True
        derived_upper = {{ keystone_admin_password | upper }}
        derived_slice = {{ keystone_admin_password[:12] }}
        derived_b64 = {{ keystone_admin_password | b64encode }}
        derived_short = {{ keystone_admin_password[-3:] }}
        derived_url = amqp://admin:{{ keystone_admin_password | lower }}@rabbit:5672/
        derived_global = {{ derived_from_globals }}

        """;

    private readonly string _scratch = Directory.CreateTempSubdirectory("kolla-cli-mask-").FullName;

    private string ConfigDirectory => Path.Combine(_scratch, "conf");

    public async ValueTask InitializeAsync()
    {
        var token = TestContext.Current.CancellationToken;
        SampleConfig.Copy(sample.Directory, ConfigDirectory);
        File.Copy(Path.Combine(sample.Directory, "passwords.yml"), Path.Combine(ConfigDirectory, "passwords.yml"));
        await File.WriteAllTextAsync(Path.Combine(ConfigDirectory, "config", "global.conf"), Override, token);
        await File.AppendAllTextAsync(
            Path.Combine(ConfigDirectory, "globals.yml"), "derived_from_globals: \"{{ (keystone_admin_password ~ '-x') | b64encode | upper }}\"\n", token);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_scratch, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Plan_OverrideDerivingFromAPassword_ShowsNoPartOfTheSecretOrItsDerivation()
    {
        var password = await PasswordAsync();

        var (code, output, error) = await CliRun.RunAsync([.. Args("plan"), "--diff"]);

        code.Should().Be(0, error);
        output.Should().Contain("+derived_upper = ***").And.Contain("+derived_slice = ***").And.Contain("+derived_b64 = ***")
            .And.Contain("+***\n", "a three-character slice is masked with its whole line")
            .And.Contain("+derived_url = amqp://admin:***@rabbit:5672/", "text around a derived value stays readable")
            .And.Contain("+derived_global = ***");
        foreach (var derived in Derivations(password))
        {
            output.Should().NotContain(derived);
        }
    }

    [Fact]
    public async Task Genconfig_OverrideDerivingFromAPassword_WritesTheRealValues()
    {
        var password = await PasswordAsync();
        var written = Path.Combine(_scratch, "out");

        var (code, _, error) = await CliRun.RunAsync([.. Args("genconfig"), "-o", written]);

        code.Should().Be(0, error);
        var keystone = await File.ReadAllTextAsync(Directory.EnumerateFiles(written, "keystone.conf", SearchOption.AllDirectories).First(), TestContext.Current.CancellationToken);
        keystone.Should().Contain($"derived_upper = {password.ToUpperInvariant()}\n")
            .And.Contain($"derived_slice = {password[..12]}\n")
            .And.Contain($"derived_b64 = {Convert.ToBase64String(Encoding.UTF8.GetBytes(password))}\n")
            .And.Contain($"derived_short = {password[^3..]}\n");
    }

    [Fact]
    public async Task LifecycleRunner_ErrorAfterPlanningQuotingADerivedValue_IsMasked()
    {
        var derived = (await PasswordAsync()).ToUpperInvariant();
        var options = new LifecycleOptions();
        var command = new Command("plan");
        options.AddTo(command);
        using var output = new StringWriter();
        using var error = new StringWriter { NewLine = "\n" };

        var code = await LifecycleRunner.RunAsync(
            new CliConsole(output, error, IsInteractive: false),
            command.Parse(Args("plan")[1..]),
            options,
            generatePasswords: false,
            (plan, terminal, masker, token) => throw new PlanningException($"keystone: cannot use '{derived}'"),
            TestContext.Current.CancellationToken);

        code.Should().Be(1);
        error.ToString().Should().Be("error: keystone: cannot use '***'\n");
    }

    private string[] Args(string verb) => [verb, "-i", sample.Inventory, "--configdir", ConfigDirectory, "--executor", "dry-run"];

    private async Task<string> PasswordAsync()
    {
        var store = await PasswordStore.LoadAsync(Path.Combine(ConfigDirectory, "passwords.yml"), TestContext.Current.CancellationToken);
        store.TryGetSecret("keystone_admin_password", out var secret).Should().BeTrue();
        return secret.Reveal();
    }

    /// <summary>The password, each derivation the override makes, and every 8-character piece of them.</summary>
    private static IEnumerable<string> Derivations(string password)
    {
        string[] whole =
        [
            password,
            password.ToUpperInvariant(),
            password.ToLowerInvariant(),
            password[..12],
            Convert.ToBase64String(Encoding.UTF8.GetBytes(password)),
            Convert.ToBase64String(Encoding.UTF8.GetBytes(password + "-x")).ToUpperInvariant(),
        ];
        return whole.SelectMany(w => Enumerable.Range(0, w.Length - 7).Select(i => w.Substring(i, 8))).Distinct(StringComparer.Ordinal);
    }
}
