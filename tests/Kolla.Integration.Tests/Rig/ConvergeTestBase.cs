using Kolla.Changes;
using Kolla.Converge;
using Kolla.Docker;
using Kolla.Hosts;
using Kolla.TestKit;

namespace Kolla.Tests.Rig;

/// <summary>Deployments on the assembly's Docker engine through the local connector, with a per-test time budget and clean-up.</summary>
public abstract class ConvergeTestBase(DockerEngineFixture engine) : IAsyncLifetime
{
    private readonly List<(TestDeployment Deployment, string DockerHost)> _deployments = [];
    private readonly CancellationTokenSource _budget = CreateBudget();

    protected DockerEngineFixture Engine => engine;

    protected CancellationToken Token => _budget.Token;

    /// <summary>The <c>kolla_container_engine</c> of the deployments (the engine fixture's API speaks Docker's either way).</summary>
    protected virtual string ContainerEngine => "docker";

    /// <summary>The inventory variables of <c>node1</c>, whose engine is <paramref name="dockerHost"/> (default: a local host).</summary>
    protected virtual string NodeVariables(string dockerHost) => $"ansible_connection=local kolla_docker_host={dockerHost}";

    /// <summary>The connector the deployments converge through (default: the local one).</summary>
    protected virtual IHostConnector CreateConnector() => new DockerHostConnector();

    protected static ConvergeOptions Options { get; } = new()
    {
        HealthTimeout = TimeSpan.FromSeconds(60),
        HealthPollInterval = TimeSpan.FromMilliseconds(250),
        SettleTime = TimeSpan.FromSeconds(1),
    };

    public virtual async ValueTask InitializeAsync() => await engine.EnsureTestImageAsync(TestContext.Current.CancellationToken);

    public virtual async ValueTask DisposeAsync()
    {
        using var cleanup = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        foreach (var (deployment, dockerHost) in _deployments)
        {
            try
            {
                await HostProbe.RemoveAsync(dockerHost, deployment.Prefix, cleanup.Token);
            }
            catch (HostExecutionException)
            {
                // The engine is gone (fault tests stop their own).
            }

            deployment.Dispose();
        }

        _budget.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A deployment with one local host, <c>node1</c>, whose engine is <paramref name="dockerHost"/> (default: the fixture's).</summary>
    internal TestDeployment NewDeployment(string? dockerHost = null)
    {
        dockerHost ??= engine.DockerHost;
        return NewDeployment(dockerHost, ("node1", NodeVariables(dockerHost)));
    }

    /// <summary>A deployment on hosts of one's own whose containers run on <paramref name="dockerHost"/>.</summary>
    internal TestDeployment NewDeployment(string dockerHost, params (string Name, string Variables)[] hosts)
    {
        var deployment = TestDeployment.Create(engine.RunId, hosts);
        if (ContainerEngine != "docker")
        {
            deployment.SetGlobal("kolla_container_engine", ContainerEngine);
        }

        _deployments.Add((deployment, dockerHost));
        return deployment;
    }

    internal async Task<DeployResult> ConvergeAsync(TestDeployment deployment, IProgress<DeployEvent>? progress = null, ConvergeOptions? options = null)
    {
        var plan = await deployment.PlanAsync(Token);
        return await new Converger(CreateConnector(), options ?? Options).ApplyAsync(plan, progress, Token);
    }

    internal async Task<IReadOnlyList<HostChangeSet>> GetChangesAsync(TestDeployment deployment)
    {
        var plan = await deployment.PlanAsync(Token);
        return await new Converger(CreateConnector(), Options).GetChangesAsync(plan, Token);
    }

    /// <summary>The changes of one host as <c>Kind container</c> lines (container names without the deployment prefix).</summary>
    internal static IReadOnlyList<string> Summary(DeployResult result, TestDeployment deployment, string host = "node1") =>
        Summary(result.Changes[host], deployment);

    internal static IReadOnlyList<string> Summary(IEnumerable<HostChange> changes, TestDeployment deployment) =>
        [.. changes.Select(c => $"{c.GetType().Name.Replace("Change", "", StringComparison.Ordinal)} {Short(c, deployment)}".TrimEnd())];

    internal Task<IReadOnlyDictionary<string, ContainerSnapshot>> ContainersAsync(TestDeployment deployment, string? dockerHost = null) =>
        HostProbe.ContainersAsync(dockerHost ?? engine.DockerHost, deployment.Prefix, Token);

    internal Task<IReadOnlyDictionary<string, FileSnapshot>> FilesAsync(TestDeployment deployment, string host = "node1") =>
        HostProbe.FilesAsync(deployment.NodeDirectory(host), Token);

    internal static string Because(DeployResult result) =>
        string.Join("; ", result.Hosts.Where(h => h.Error is not null).Select(h => h.Error));

    private static string Short(HostChange change, TestDeployment deployment) => change switch
    {
        WriteFileChange write => $"{Strip(change.Container, deployment)}/{Path.GetFileName(write.File.Path)}",
        DeleteFileChange delete => $"{Strip(change.Container, deployment)}/{Path.GetFileName(delete.Path)}",
        CreateVolumeChange volume => Strip(volume.Name, deployment),
        PullImageChange pull => pull.Image,
        RunBootstrapChange bootstrap => Strip(bootstrap.Job.Spec.Name, deployment),
        _ => Strip(change.Container, deployment),
    };

    private static string Strip(string name, TestDeployment deployment) =>
        name.StartsWith(deployment.Prefix, StringComparison.Ordinal) ? name[deployment.Prefix.Length..] : name;

    private static CancellationTokenSource CreateBudget()
    {
        var budget = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        budget.CancelAfter(TimeSpan.FromMinutes(4));
        return budget;
    }
}
