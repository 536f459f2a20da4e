namespace Kolla.Planning;

/// <summary>The desired state of a whole deployment: one <see cref="HostPlan"/> per selected host, in inventory order.</summary>
/// <param name="Hosts">Host plans.</param>
/// <param name="ServiceOrder">Services in deploy order (only those selected and placed somewhere).</param>
/// <param name="Secrets">Secret values (from passwords.yml) that must never be printed.</param>
public sealed record DeploymentPlan(IReadOnlyList<HostPlan> Hosts, IReadOnlyList<string> ServiceOrder, IReadOnlyCollection<string> Secrets);
