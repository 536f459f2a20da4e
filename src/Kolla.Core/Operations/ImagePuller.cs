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
public sealed class ImagePuller
{
    private readonly IHostConnector _connector;
    private readonly ConvergeOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates a puller.</summary>
    /// <param name="connector">How hosts are reached.</param>
    /// <param name="options">Only <see cref="ConvergeOptions.Forks"/> and <see cref="ConvergeOptions.ContinueOnError"/> apply.</param>
    /// <param name="timeProvider">Clock for elapsed times; null for the system clock.</param>
    public ImagePuller(IHostConnector connector, ConvergeOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(connector);
        _connector = connector;
        _options = options ?? new ConvergeOptions();
        _time = timeProvider ?? TimeProvider.System;
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Forks, 1, nameof(options));
    }

    /// <summary>Pulls each host's images (<see cref="HostPlan.Images"/>), one after another per host.</summary>
    /// <param name="plan">The plan whose images are pulled.</param>
    /// <param name="progress">Receives a <see cref="ChangeAppliedEvent"/> with a <see cref="PullImageChange"/> per image.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The recap: <c>changed</c> counts pulled images; a host whose pull failed is failed.</returns>
    public Task<DeployResult> PullAsync(DeploymentPlan plan, IProgress<DeployEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var fanOut = new HostFanOut(_connector, _options.Forks, _options.ContinueOnError, _time);
        return fanOut.RunAsync(plan, progress, async (host, connection, tally, token) =>
        {
            foreach (var image in host.Images)
            {
                await tally.ApplyAsync(new PullImageChange(image), () => connection.Containers.PullImageAsync(image, token)).ConfigureAwait(false);
            }
        }, cancellationToken);
    }
}
