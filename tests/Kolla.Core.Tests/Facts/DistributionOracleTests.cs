namespace Kolla.Core.Tests.Facts;

/// <summary>
/// The distribution samples through the remote script against Ansible's own distribution code (with the distro
/// library it uses here), both run in a mount namespace whose <c>/etc</c> holds only the sample's files.
/// </summary>
public sealed class DistributionOracleTests
{
    public static TheoryData<string> Samples => [.. DistributionSamples.All.Keys];

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Script_MatchesAnsible(string name)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));

        var (ansible, script) = await MountNamespaceOracle.RunAsync(DistributionSamples.All[name].Files, timeout.Token);

        var keys = ansible.Keys.Concat(script.Values.Keys)
            .Where(k => k.StartsWith("distribution", StringComparison.Ordinal) || k == "os_family")
            .Distinct()
            .Order(StringComparer.Ordinal);
        var differences = keys
            .Where(k => !Equals(ansible.GetValueOrDefault(k), script.Values.GetValueOrDefault(k)))
            .Select(k => $"{k}: ansible={ansible.GetValueOrDefault(k) ?? "(missing)"} script={script.Values.GetValueOrDefault(k) ?? "(missing)"}")
            .ToList();
        differences.Should().BeEmpty(string.Join("\n", differences));
    }
}
