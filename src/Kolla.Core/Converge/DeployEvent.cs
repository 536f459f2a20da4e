using Kolla.Changes;
namespace Kolla.Converge;

/// <summary>Progress of a converge run, reported through <see cref="IProgress{T}"/> (the CLI renders it; <c>--json</c> prints one per line).</summary>
/// <param name="Host">Inventory name of the host.</param>
public abstract record DeployEvent(string Host);

/// <summary>A host was connected and its state read.</summary>
/// <param name="Host">Host.</param>
/// <param name="Elapsed">Time to connect and read the state.</param>
public sealed record HostReadyEvent(string Host, TimeSpan Elapsed) : DeployEvent(Host);

/// <summary>A service starts on a host.</summary>
/// <param name="Host">Host.</param>
/// <param name="Service">Service name.</param>
public sealed record ServiceStartedEvent(string Host, string Service) : DeployEvent(Host);

/// <summary>A change was applied (to a dry-run host: recorded, not sent).</summary>
/// <param name="Host">Host.</param>
/// <param name="Change">The change.</param>
/// <param name="Elapsed">Time it took.</param>
public sealed record ChangeAppliedEvent(string Host, HostChange Change, TimeSpan Elapsed) : DeployEvent(Host);

/// <summary>A container already matched its plan.</summary>
/// <param name="Host">Host.</param>
/// <param name="Container">Container name.</param>
public sealed record ContainerOkEvent(string Host, string Container) : DeployEvent(Host);

/// <summary>A host failed; nothing more runs on it.</summary>
/// <param name="Host">Host.</param>
/// <param name="Message">One line: what failed, naming the container or file.</param>
public sealed record HostFailedEvent(string Host, string Message) : DeployEvent(Host);
