using Kolla.Converge;
using Kolla.Facts;
using Kolla.Operations;
using Kolla.Ssh;
using Kolla.TestKit;

namespace Kolla.Tests.Rig;

/// <summary>What the login-count tests share: a deploy as <c>kolla deploy</c> runs it over SSH.</summary>
public abstract class LoginCountTestBase(DockerEngineFixture engine) : ConvergeTestBase(engine)
{
    /// <summary>As <c>kolla deploy</c> does it: facts through the connector first, then the converge on the same connections.</summary>
    internal async Task<DeployResult> DeployWithFactsAsync(TestDeployment deployment, SshExecutorOptions options, string? factCache = null)
    {
        await using var connector = SshHostConnector.Create(options);
        var plan = await deployment.PlanAsync(Token);
        var targets = plan.Hosts.Select(h => h.Target with { ReadAheadDirectory = h.NodeConfigDirectory }).ToList();
        await new FactsCollector(connector, new FactsCollectorOptions { Cache = factCache is null ? null : new FactCache(factCache) }).CollectAsync(targets, Token);
        return await new Converger(connector, Options).ApplyAsync(plan, null, Token);
    }

    /// <summary>A logged command line as the failure message lists it: its first 100 characters.</summary>
    internal static string Shortened(string line) => line.Length <= 100 ? line : line[..100] + "…";
}
