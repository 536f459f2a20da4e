using Kolla.Hosts;

namespace Kolla.Converge;

/// <summary>
/// What every host-by-host operation (converge, pull, stop and destroy, upgrade) is built from: how hosts are reached,
/// its options (the caller's, or the defaults) and its clock.
/// </summary>
/// <typeparam name="TOptions">The operation's options record.</typeparam>
internal sealed class HostOperation<TOptions>(IHostConnector connector, TOptions options, TimeProvider? timeProvider)
    where TOptions : class
{
    /// <summary>How hosts are reached.</summary>
    public IHostConnector Connector { get; } = connector ?? throw new ArgumentNullException(nameof(connector));

    /// <summary>The operation's options.</summary>
    public TOptions Options { get; } = options;

    /// <summary>Clock for elapsed times (the system clock unless one was given).</summary>
    public TimeProvider Time { get; } = timeProvider ?? TimeProvider.System;
}
