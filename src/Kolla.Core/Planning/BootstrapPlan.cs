using Kolla.Containers;

namespace Kolla.Planning;

/// <summary>A one-shot job (database sync and similar) planned on a host.</summary>
/// <param name="Spec">The one-shot container's spec (restart policy <c>oneshot</c>).</param>
/// <param name="Timeout">How long it may run.</param>
public sealed record BootstrapPlan(ContainerSpec Spec, TimeSpan Timeout);
