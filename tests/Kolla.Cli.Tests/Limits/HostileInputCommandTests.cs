using Kolla.Tests.Lifecycle;

namespace Kolla.Tests.Limits;

/// <summary>
/// The hostile inputs of issue 17 through the CLI: each ends in one <c>FILE:LINE: message</c> line and exit 1, where they
/// used to kill the process (stack overflow, exit 134) or grow it to gigabytes.
/// </summary>
public sealed class HostileInputCommandTests(SampleConfig sample) : IClassFixture<SampleConfig>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kolla-cli-hostile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task MergeYaml_AliasesStackingPastTheDepthLimit_FailsWithOneLine()
    {
        // 400 anchors 500 deep, each holding the previous one: PyYamlWriter recursed 200,000 levels and overflowed.
        var path = Path.Combine(_dir, "deep.yml");
        await File.WriteAllLinesAsync(
            path,
            ["a0: &a0 x", .. Enumerable.Range(1, 400).Select(i => $"a{i}: &a{i} {new string('[', 500)}*a{i - 1}{new string(']', 500)}")],
            TestContext.Current.CancellationToken);

        var (code, output, error) = await CliRun.RunAsync("config", "merge-yaml", path);

        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Be($"{path}:3: the document is nested deeper than 512 levels (through alias 'a1')\n");
    }

    [Theory]
    [InlineData("\"{{ 'x' * 1000000000 }}\"", "this would build a text of 1000000000 characters, more than 16777216 (set KOLLA_MAX_TEMPLATE_OUTPUT to allow more)")]
    [InlineData("\"{{ [[['x'] * 1000] * 1000] * 1000 }}\"", "this would build a value of about *")]
    [InlineData("\"{{ -------------------------------------------------------------------------------------------------------1 }}\"", "the template nests brackets, operators, filters and tags more than 100 levels deep")]
    [InlineData("\"{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\"", "the loops of this render would run more than 10000000 iterations *")]
    public async Task Plan_GlobalsValueOverALimit_FailsWithOneLineNamingGlobalsAndLine(string value, string reason)
    {
        var config = Path.Combine(_dir, "config");
        SampleConfig.Copy(sample.Directory, config);
        File.Copy(Path.Combine(sample.Directory, "passwords.yml"), Path.Combine(config, "passwords.yml"));
        var globals = Path.Combine(config, "globals.yml");
        var line = File.ReadAllLines(globals).Length + 1;
        await File.AppendAllTextAsync(globals, $"kolla_internal_vip_address: {value}\n", TestContext.Current.CancellationToken);

        var (code, _, error) = await CliRun.RunAsync("plan", "-i", sample.Inventory, "--configdir", config, "--executor", "dry-run");

        code.Should().Be(1);
        error.Should().Match($"error: {globals}:{line}: cannot evaluate 'kolla_internal_vip_address': {reason} (in the value of 'kolla_internal_vip_address')\n");
        error.TrimEnd('\n').Should().NotContain("\n");
    }

    [Fact]
    public async Task Plan_ExtraVarsFileThatNeverEnds_IsRefusedAtTheDocumentLimit()
    {
        var (code, _, error) = await CliRun.RunAsync(sample.Args("plan", "-e", "@/dev/zero"));

        code.Should().Be(1);
        error.Should().Be("error: /dev/zero: cannot read file: the file is larger than 16 MiB (set KOLLA_MAX_DOCUMENT_BYTES to read larger files)\n");
    }

    [Fact]
    public async Task InventoryList_HostRangeOfAHundredMillion_IsRefusedAtOnce()
    {
        var inventory = Path.Combine(_dir, "hosts");
        await File.WriteAllTextAsync(inventory, "[compute]\nh[0:9999][0:9999]\n", TestContext.Current.CancellationToken);

        var (code, output, error) = await CliRun.RunAsync("inventory", "list", "-i", inventory);

        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Be($"{inventory}:2: host range 'h[0:9999][0:9999]' stands for 100000000 hosts, more than 100000 (set KOLLA_MAX_INVENTORY_HOSTS to allow more)\n");
    }
}
