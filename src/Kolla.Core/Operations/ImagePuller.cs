using Kolla.Changes;
using Kolla.Converge;
using Kolla.Hosts;
using Kolla.Planning;

namespace Kolla.Operations;

/// <summary>Pulls every image a plan uses on every host that uses it (<c>kolla pull</c>), hosts in parallel.</summary>
/// <remarks>
/// Counterpart of kolla-ansible's <c>pull</c> action. Images are pulled even when present, so a moved tag (a rebuilt
/// <c>2025.1</c>) is fetched again; nothing else changes on the hosts.
/// </remarks>
internal sealed class ImagePuller
{
    private readonly HostOperation<PullOptions> _operation;

    /// <summary>Creates a puller.</summary>
    /// <param name="connector">How hosts are reached.</param>
    /// <param name="options">Forks and continue-on-error; null for the defaults.</param>
    /// <param name="timeProvider">Clock for elapsed times; null for the system clock.</param>
    public ImagePuller(IHostConnector connector, PullOptions? options = null, TimeProvider? timeProvider = null)
    {
        _operation = new(connector, options ?? new PullOptions(), timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(_operation.Options.Forks, 1, nameof(options));
    }

    /// <summary>Pulls each host's images (<see cref="HostPlan.Images"/>), one after another per host.</summary>
    /// <param name="plan">The plan whose images are pulled.</param>
    /// <param name="progress">Receives a <see cref="ChangeAppliedEvent"/> with a <see cref="PullImageChange"/> per image.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The recap: <c>changed</c> counts pulled images; a host whose pull failed is failed.</returns>
    public Task<DeployResult> PullAsync(DeploymentPlan plan, IProgress<DeployEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new HostFanOut(_operation.Connector, _operation.Options, _operation.Time).RunEachAsync(plan, progress, PullAsync, cancellationToken);
    }

    private static async Task PullAsync(HostSession session, IHostConnection connection, CancellationToken cancellationToken)
    {
        foreach (var image in session.Plan.Images)
        {
            await session.ApplyAsync(new PullImageChange(image), () => connection.Containers.PullImageAsync(image, cancellationToken)).ConfigureAwait(false);
        }
    }
}
