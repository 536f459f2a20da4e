namespace Kolla.Hosts;

/// <summary>
/// A container runtime whose containers are records, not processes (the dry-run executor's): nothing it starts can stop by
/// itself, so a converge checks them without waiting out <see cref="Converge.ConvergeOptions.SettleTime"/>.
/// </summary>
internal interface ISimulatedContainerRuntime;
