namespace Kolla.Tests.Lifecycle;

/// <summary>The library's warnings reach the CLI's standard error as <c>warning:</c> lines (they used to go nowhere).</summary>
public sealed class LibraryWarningsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kolla-warnings-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Deploy_OverSsh_AKnownHostsLineItIgnores_IsAWarningNamingFileAndLine()
    {
        var etc = Directory.CreateDirectory(Path.Combine(_dir.FullName, "etc")).FullName;
        await File.WriteAllTextAsync(Path.Combine(etc, "globals.yml"), "---\nnetwork_interface: lo\nenable_heat: \"no\"\n", TestContext.Current.CancellationToken);
        (await CliRun.RunAsync("genpwd", "--passwords", Path.Combine(etc, "passwords.yml"))).Code.Should().Be(0);
        var inventory = Path.Combine(_dir.FullName, "inventory");
        await File.WriteAllTextAsync(inventory, "[all]\nh1 ansible_host=127.0.0.1 ansible_port=1\n", TestContext.Current.CancellationToken);
        var knownHosts = Path.Combine(_dir.FullName, "known_hosts");
        await File.WriteAllTextAsync(knownHosts, "not a known_hosts line\n", TestContext.Current.CancellationToken);

        var (code, _, error) = await CliRun.RunAsync(
            "deploy", "-i", inventory, "--configdir", etc, "--executor", "ssh", "--known-hosts", knownHosts, "--private-key", Path.Combine(_dir.FullName, "missing-key"));

        code.Should().NotBe(0, "the host cannot be logged in to");
        error.Should().Contain($"warning: {knownHosts}:1: the key is not valid Base64; line ignored\n");
    }
}
