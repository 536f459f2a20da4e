using Kolla.Hosts;

namespace Kolla.Prechecks;

/// <summary>
/// The <c>docker</c> check: the host's container engine speaks at least <see cref="PrecheckOptions.MinimumDockerApiVersion"/>;
/// skipped when the executor does not report a version (the dry run).
/// </summary>
internal sealed class EnginePrecheck : IHostPrecheck
{
    public async Task<IReadOnlyList<PrecheckResult>> CheckAsync(HostPrecheckContext context, CancellationToken cancellationToken)
    {
        const string Check = PrecheckNames.Docker;
        var host = context.Host.Host;
        var version = context.Connection.Containers is IContainerEngineInfo info
            ? await info.GetEngineVersionAsync(cancellationToken).ConfigureAwait(false)
            : null;
        if (version is null)
        {
            return [new(Check, PrecheckStatus.Skipped, $"{host}: engine version unknown (the executor does not report it)", host)];
        }

        var minimum = context.Options.MinimumDockerApiVersion;
        return
        [
            version.ApiVersion >= minimum
                ? new(Check, PrecheckStatus.Passed, $"{host}: Docker {version.Version} (API {version.ApiVersion}) is reachable", host)
                : new(Check, PrecheckStatus.Failed, $"{host}: Docker {version.Version} speaks API {version.ApiVersion}, older than the minimum {minimum}; upgrade the engine", host),
        ];
    }
}
