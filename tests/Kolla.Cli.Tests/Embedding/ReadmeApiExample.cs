using Kolla.Changes;
using Kolla.Converge;
using Kolla.Deployment;
using Kolla.Planning;
using Microsoft.Extensions.DependencyInjection;

namespace Kolla.Tests.Embedding;

/// <summary>
/// The code of README.md's "The API in 30 seconds", compiled: the lines between the markers are the README's block,
/// character for character (<see cref="ReadmeApiExampleTests"/> checks it, and runs it).
/// </summary>
internal static class ReadmeApiExample
{
    public static async Task<(DeploymentPlan Plan, IReadOnlyList<HostChangeSet> Changes, DeployResult Result)> RunAsync(
        string configDirectory, string inventory, IProgress<DeployEvent>? progress)
    {
        // README: The API in 30 seconds (begin)
        var services = new ServiceCollection();
        services.AddKolla(o => o.ConfigDirectory = configDirectory)   // globals.yml, passwords.yml, config/
                .AddDryRunExecutor(readLocalFiles: true);             // real hosts: AddDockerExecutor(), AddSshExecutor()
        await using var provider = services.BuildServiceProvider();
        var kolla = provider.GetRequiredService<IKollaDeployer>();    // KollaOptions are validated on first use

        DeploymentInputs inputs = await kolla.LoadInputsAsync([inventory]);   // + every host's facts
        DeploymentPlan plan = kolla.Plan(inputs);                             // pure: no I/O
        var changes = await kolla.GetChangesAsync(plan);                      // reads the hosts, touches nothing
        DeployResult result = await kolla.DeployAsync(plan, progress: progress);
        // README: The API in 30 seconds (end)
        return (plan, changes, result);
    }
}
