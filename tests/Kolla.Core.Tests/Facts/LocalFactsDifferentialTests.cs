using Kolla.Facts;

namespace Kolla.Core.Tests.Facts;

/// <summary>
/// The facts of this machine, read in process and by the remote script, against what the real Ansible's
/// <c>setup</c> module writes to its jsonfile cache, key by key: as the machine is, and with <see cref="NetworkLab"/>'s
/// interfaces added to the root namespace. One class, so the two never run at the same time.
/// </summary>
[Collection(RootNamespaceCollection.Name)]
public sealed class LocalFactsDifferentialTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kolla-facts-diff-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task LocalAndScript_MatchAnsibleSetup_OnThisHost()
    {
        AnsibleSetup.Require();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));

        await CompareAsync(timeout.Token);
    }

    [Fact]
    public async Task LocalAndScript_MatchAnsibleSetup_WithBridgeLabelsSecondariesAndPeers()
    {
        AnsibleSetup.Require();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        await using var lab = await NetworkLab.CreateAsync(inNamespace: false, defaultRoutes: false, timeout.Token);

        var local = await CompareAsync(timeout.Token);

        local.Values.Should().ContainKey($"kf_{lab.Id}_br").And.ContainKey($"kf_{lab.Id}_br_1").And.ContainKey($"kf_{lab.Id}_v0");
        ((IReadOnlyDictionary<string, object?>)local.Values[$"kf_{lab.Id}_br"]!).Should().Contain("type", "bridge");
    }

    private async Task<HostFacts> CompareAsync(CancellationToken token)
    {
        // Other tests may add interfaces meanwhile: take a run in which the machine did not change between the reads.
        for (var attempt = 1; ; attempt++)
        {
            var cache = Path.Combine(_dir, $"cache{Guid.NewGuid():N}");
            var before = await LocalHostFacts.ReadAsync("localhost", token);
            var script = await FactsScriptRunner.RunAsync("localhost", "/bin/sh", netns: null, token);
            await AnsibleSetup.RunAsync(cache, "setup", null, null, null, token);
            var after = await LocalHostFacts.ReadAsync("localhost", token);
            if (FactsDiff.All(before, after).Count > 0 && attempt < 3)
            {
                continue;
            }

            var ansible = await new FactCache(cache).TryLoadAsync("localhost", token);

            ansible.Should().NotBeNull("Ansible wrote {0}", Path.Combine(cache, "localhost"));
            ansible!.Values.Should().ContainKey("hostname").And.NotContainKey("ansible_hostname");
            var local = FactsDiff.AgainstAnsible(ansible, before);
            local.Should().BeEmpty(FactsDiff.Describe("ansible", "LocalHostFacts", local));
            var remote = FactsDiff.AgainstAnsible(ansible, script);
            remote.Should().BeEmpty(FactsDiff.Describe("ansible", "RemoteFactsScript", remote));
            var both = FactsDiff.All(before, script);
            both.Should().BeEmpty(FactsDiff.Describe("LocalHostFacts", "RemoteFactsScript", both));
            return before;
        }
    }
}
