using Kolla.Changes;
using Kolla.Converge;
using Kolla.Planning;

namespace Kolla.Deployment;

/// <summary>
/// The library's front door when it is used through dependency injection: load inputs, plan, see the changes, apply.
/// Registered by <c>services.AddKolla(...)</c>; hosts are reached through the executors added to the builder.
/// </summary>
/// <example>
/// <code>
/// var services = new ServiceCollection();
/// services.AddKolla(o => o.ConfigDirectory = "/etc/kolla").AddDockerExecutor().AddSshExecutor();
/// using var provider = services.BuildServiceProvider();
/// var deployer = provider.GetRequiredService&lt;IKollaDeployer&gt;();   // validates the options
/// var inputs = await deployer.LoadInputsAsync(["/etc/kolla/multinode"], cancellationToken);
/// var plan = deployer.Plan(inputs);
/// var changes = await deployer.GetChangesAsync(plan, cancellationToken);
/// var result = await deployer.ApplyAsync(plan, progress: null, cancellationToken);
/// </code>
/// </example>
public interface IKollaDeployer
{
    /// <summary>
    /// Reads inventory, <c>globals.yml</c>, <c>passwords.yml</c> and the override tree from <c>KollaOptions.ConfigDirectory</c>,
    /// then every host's facts: from <c>KollaOptions.FactsCacheDirectory</c>, else through the host's executor.
    /// </summary>
    /// <param name="inventories">Inventory files or directories.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The inputs; build your own <see cref="DeploymentInputs"/> instead to plan a catalogue of your own.</returns>
    /// <exception cref="KollaException">An input is missing or malformed (the message names the file and line), or a host has no facts (named).</exception>
    Task<DeploymentInputs> LoadInputsAsync(IReadOnlyList<string> inventories, CancellationToken cancellationToken = default);

    /// <summary>Computes the desired state (pure, no I/O).</summary>
    /// <param name="inputs">The inputs.</param>
    /// <param name="options">Limit, tags, globals precedence; null for everything.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="KollaException">A template or definition fails (the message names host, container and file).</exception>
    DeploymentPlan Plan(DeploymentInputs inputs, PlanOptions? options = null);

    /// <summary>Reads every host and returns what applying the plan would change, touching nothing.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>One change set per host.</returns>
    Task<IReadOnlyList<HostChangeSet>> GetChangesAsync(DeploymentPlan plan, CancellationToken cancellationToken = default);

    /// <summary>Converges every host to the plan.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="progress">Receives per-host events; null for none.</param>
    /// <param name="cancellationToken">Cancels the run (no file is left half-written).</param>
    /// <returns>The recap.</returns>
    Task<DeployResult> ApplyAsync(DeploymentPlan plan, IProgress<DeployEvent>? progress = null, CancellationToken cancellationToken = default);
}
