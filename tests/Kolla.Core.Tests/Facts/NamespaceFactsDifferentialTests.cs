using Kolla.Facts;

namespace Kolla.Core.Tests.Facts;

/// <summary>
/// The remote script's facts against Ansible's <c>setup</c> in network namespaces holding the corner cases of
/// <see cref="NetworkLab"/>: with default routes (so <c>default_ipv4</c>/<c>default_ipv6</c> are filled from the
/// interfaces) and without (both empty).
/// </summary>
public sealed class NamespaceFactsDifferentialTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kolla-facts-netns-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Script_MatchesAnsibleSetup_InANamespace(bool defaultRoutes)
    {
        AnsibleSetup.Require();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        await using var lab = await NetworkLab.CreateAsync(inNamespace: true, defaultRoutes, timeout.Token);
        var cache = Path.Combine(_dir, "cache");

        await AnsibleSetup.RunAsync(cache, "setup", null, lab.Netns, null, timeout.Token);
        var script = await FactsScriptRunner.RunAsync("localhost", "/bin/sh", lab.Netns, timeout.Token);
        var ansible = (await new FactCache(cache).TryLoadAsync("localhost", timeout.Token))!;

        var differences = FactsDiff.AgainstAnsible(ansible, script);
        differences.Should().BeEmpty(FactsDiff.Describe("ansible", "RemoteFactsScript", differences));
        script.Values.Should().ContainKey($"kf_{lab.Id}_br_1", "the labelled address is an interface of its own");
        var defaultIpv4 = (IReadOnlyDictionary<string, object?>)script.Values["default_ipv4"]!;
        if (defaultRoutes)
        {
            defaultIpv4.Should().Contain("address", "198.51.100.1").And.Contain("gateway", "198.51.100.254").And.Contain("type", "bridge");
        }
        else
        {
            defaultIpv4.Should().BeEmpty();
            ((IReadOnlyDictionary<string, object?>)script.Values["default_ipv6"]!).Should().BeEmpty();
        }
    }
}
