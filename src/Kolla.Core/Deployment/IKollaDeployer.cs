using Kolla.Changes;
using Kolla.Converge;
using Kolla.Operations;
using Kolla.Planning;
using Kolla.Prechecks;

namespace Kolla.Deployment;

/// <summary>
/// The library's front door through dependency injection, and the only way the <c>kolla</c> CLI reaches hosts: inputs,
/// facts, the desired state (the plan), what differs (the changes), and every operation on the hosts. Registered by
/// <c>services.AddKolla(...)</c>; hosts are reached through the executors added to the builder.
/// </summary>
/// <remarks>
/// One facade for every verb, extending the one the library already documented rather than adding a second: kolla-ansible
/// is one command with many actions, and two front doors would let library users and the CLI drift apart. Each operation
/// takes its own options record; null means the defaults, with forks and continue-on-error from the registered
/// <see cref="ConvergeOptions"/> (<c>WithConvergeOptions</c>).
/// </remarks>
/// <example>
/// <code>
/// var services = new ServiceCollection();
/// services.AddKolla(o => o.ConfigDirectory = "/etc/kolla").AddDockerExecutor().AddSshExecutor();
/// await using var provider = services.BuildServiceProvider();
/// var kolla = provider.GetRequiredService&lt;IKollaDeployer&gt;();
/// var inputs = await kolla.LoadInputsAsync(["/etc/kolla/multinode"], cancellationToken);
/// var plan = kolla.Plan(inputs);
/// var changes = await kolla.GetChangesAsync(plan, cancellationToken: cancellationToken);
/// var result = await kolla.DeployAsync(plan, cancellationToken: cancellationToken);
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
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The <c>KollaOptions</c> are invalid (every problem listed).</exception>
    Task<DeploymentInputs> LoadInputsAsync(IReadOnlyList<string> inventories, CancellationToken cancellationToken = default);

    /// <summary>Reads the inputs <paramref name="options"/> name (inventory, globals, passwords, overrides, <c>-e</c>), without facts.</summary>
    /// <param name="options">Where the inputs are.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The inputs; <see cref="GatherFactsAsync"/> adds the facts.</returns>
    /// <exception cref="KollaException">An input is missing or malformed (the message names the file and line).</exception>
    Task<DeploymentInputs> ReadInputsAsync(DeploymentInputsOptions options, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>kolla gather-facts</c>: every host's facts, as kolla-ansible gathers them before anything else: from the fact cache,
    /// else through the host's executor (whose connection the next operation then reuses).
    /// </summary>
    /// <param name="inputs">The inputs; facts they already hold are kept (unless <see cref="GatherFactsOptions.Refresh"/>).</param>
    /// <param name="options">Which hosts, the cache, refresh; null for every host, <c>KollaOptions.FactsCacheDirectory</c>.</param>
    /// <param name="cancellationToken">Cancels the gathering.</param>
    /// <returns>The inputs with the facts added.</returns>
    /// <exception cref="Facts.FactsGatheringException">Hosts have no facts: each is named with the reason.</exception>
    Task<DeploymentInputs> GatherFactsAsync(DeploymentInputs inputs, GatherFactsOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Computes the desired state (pure, no I/O).</summary>
    /// <param name="inputs">The inputs.</param>
    /// <param name="options">Limit, tags, globals precedence; null for everything.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="KollaException">A template or definition fails (the message names host, container and file).</exception>
    DeploymentPlan Plan(DeploymentInputs inputs, PlanOptions? options = null);

    /// <summary><c>kolla prechecks</c>: plans the deployment and checks inputs, hosts and engines; a plan that cannot be made is a failed check.</summary>
    /// <param name="inputs">The inputs, with facts.</param>
    /// <param name="planOptions">Limit, tags, globals precedence; null for everything.</param>
    /// <param name="options">Minimum engine version, ports, forks; null for the defaults (ports read through the executor's <see cref="Hosts.IListeningPorts"/> when one is registered).</param>
    /// <param name="cancellationToken">Cancels the checks.</param>
    /// <returns>The findings; nothing is thrown for a failed check.</returns>
    Task<PrecheckReport> RunPrechecksAsync(DeploymentInputs inputs, PlanOptions? planOptions = null, PrecheckOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Reads every host and returns what a deploy with <paramref name="options"/> would change, touching nothing (<c>kolla plan</c>, <c>kolla check</c>).</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="options">Forks, files or containers only; null for the registered <see cref="ConvergeOptions"/>.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>One change set per host; an unreachable host has <see cref="HostChangeSet.Error"/> set.</returns>
    /// <exception cref="PlanningException">The plan's limit leaves out members of a Galera cluster that the limited hosts would bootstrap anew (the message says what to do).</exception>
    Task<IReadOnlyList<HostChangeSet>> GetChangesAsync(DeploymentPlan plan, ConvergeOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary><c>kolla deploy</c> (<c>reconfigure</c>, and with <see cref="ConvergeOptions.ContainersOnly"/> <c>deploy-containers</c>): converges every host to the plan.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="options">Forks, serial, health waits; null for the registered <see cref="ConvergeOptions"/>.</param>
    /// <param name="progress">Receives per-host events; null for none.</param>
    /// <param name="cancellationToken">Cancels the run (no file is left half-written).</param>
    /// <returns>The recap.</returns>
    /// <exception cref="PlanningException">The plan's limit leaves out members of a Galera cluster that the limited hosts would bootstrap anew: thrown once the hosts are read, before anything changes.</exception>
    Task<DeployResult> DeployAsync(DeploymentPlan plan, ConvergeOptions? options = null, IProgress<DeployEvent>? progress = null, CancellationToken cancellationToken = default);

    /// <summary><c>kolla genconfig</c>: writes every host's changed config files, touching no container (a deploy with <see cref="ConvergeOptions.FilesOnly"/>).</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="options">Forks; null for the registered <see cref="ConvergeOptions"/>. Files only, whatever they say.</param>
    /// <param name="progress">Receives per-host events; null for none.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The recap.</returns>
    Task<DeployResult> GenerateConfigAsync(DeploymentPlan plan, ConvergeOptions? options = null, IProgress<DeployEvent>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>kolla genconfig -o DIR</c>: writes every host's config directories under <paramref name="directory"/>/&lt;host&gt;/ on
    /// this machine instead of to the hosts, atomically per file, and removes files no longer generated.
    /// </summary>
    /// <param name="plan">The plan.</param>
    /// <param name="directory">Where the trees go.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>The number of files written.</returns>
    Task<int> WriteConfigTreeAsync(DeploymentPlan plan, string directory, CancellationToken cancellationToken = default);

    /// <summary><c>kolla pull</c>: pulls every image the plan uses on every host that runs it, even when present.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="options">Forks, continue on error; null for those of the registered <see cref="ConvergeOptions"/>.</param>
    /// <param name="progress">Receives per-host events; null for none.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The recap: <c>changed</c> counts pulled images.</returns>
    Task<DeployResult> PullAsync(DeploymentPlan plan, PullOptions? options = null, IProgress<DeployEvent>? progress = null, CancellationToken cancellationToken = default);

    /// <summary><c>kolla upgrade</c>: pulls the plan's images, then converges rolling, the rolling hosts one batch at a time.</summary>
    /// <param name="plan">The plan, made with the new release's globals.</param>
    /// <param name="options">Rolling hosts, serial, pull first; null for the registered <see cref="ConvergeOptions"/> and no rolling hosts.</param>
    /// <param name="progress">Receives per-host events; null for none.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The combined recap of pull and converge.</returns>
    Task<DeployResult> UpgradeAsync(DeploymentPlan plan, UpgradeOptions? options = null, IProgress<DeployEvent>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Reads every host and returns what <c>kolla stop</c> or <c>kolla destroy</c> (<see cref="TeardownOptions.Kind"/>) would do, touching nothing.</summary>
    /// <param name="plan">The deployment.</param>
    /// <param name="options">Stop or destroy, volumes; null for a stop with the registered forks.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>One change set per host; an unreachable host has <see cref="HostChangeSet.Error"/> set.</returns>
    Task<IReadOnlyList<HostChangeSet>> GetTeardownChangesAsync(DeploymentPlan plan, TeardownOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary><c>kolla stop</c> or <c>kolla destroy</c> (<see cref="TeardownOptions.Kind"/>): stops or removes the deployment's containers.</summary>
    /// <param name="plan">The deployment.</param>
    /// <param name="options">Stop or destroy, volumes, forks; null for a stop with the registered forks.</param>
    /// <param name="progress">Receives per-host events; null for none.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The recap.</returns>
    Task<DeployResult> TeardownAsync(DeploymentPlan plan, TeardownOptions? options = null, IProgress<DeployEvent>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Reads every host and returns the Kolla images <c>kolla prune-images</c> would remove, touching nothing.</summary>
    /// <param name="plan">The deployment: the images its containers use are kept.</param>
    /// <param name="options">Dangling only, forks; null for the registered forks.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>One change set per host; an unreachable host has <see cref="HostChangeSet.Error"/> set.</returns>
    Task<IReadOnlyList<HostChangeSet>> GetPruneImagesChangesAsync(DeploymentPlan plan, PruneImagesOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>kolla prune-images</c>: removes the Kolla images (labelled <c>kolla_version</c>) that no planned container and no
    /// container on the host uses; with <see cref="PruneImagesOptions.DanglingOnly"/> only untagged ones, as kolla-ansible.
    /// </summary>
    /// <param name="plan">The deployment: the images its containers use are kept.</param>
    /// <param name="options">Dangling only, forks; null for the registered forks.</param>
    /// <param name="progress">Receives per-host events; null for none.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The recap: <c>changed</c> counts removed images.</returns>
    Task<DeployResult> PruneImagesAsync(DeploymentPlan plan, PruneImagesOptions? options = null, IProgress<DeployEvent>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>kolla mariadb_recovery</c>: restarts a MariaDB Galera cluster that stopped on every host, as kolla-ansible's
    /// <c>mariadb_recovery</c>: stops MariaDB everywhere, reads each node's position (<c>grastate.dat</c> and
    /// <c>--wsrep-recover</c>), bootstraps from the most advanced node, then starts the others one at a time, each once the
    /// previous one synced.
    /// </summary>
    /// <param name="plan">The deployment: its <c>mariadb</c> containers.</param>
    /// <param name="options">The bootstrap host (default: the most advanced) and timeouts; null for the defaults.</param>
    /// <param name="progress">Receives one line per step; null for none.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The bootstrap host, every node's position and the cluster size.</returns>
    /// <exception cref="KollaException">No host has the cluster, the bootstrap node cannot be chosen (the message says which option to set), or a node does not sync.</exception>
    Task<MariaDbRecoveryResult> RecoverMariaDbAsync(DeploymentPlan plan, MariaDbRecoveryOptions? options = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default);

    /// <summary><c>kolla post-deploy</c>: writes <c>admin-openrc.sh</c> and <c>clouds.yaml</c> with the admin credentials, atomically and with mode 0600.</summary>
    /// <param name="inputs">The inputs (globals, passwords).</param>
    /// <param name="options">Directory and globals precedence; null for the config directory.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>The paths written.</returns>
    /// <exception cref="KollaException">A value is missing, or a file cannot be written (named).</exception>
    Task<IReadOnlyList<string>> PostDeployAsync(DeploymentInputs inputs, PostDeployOptions? options = null, CancellationToken cancellationToken = default);
}
