namespace Microsoft.Extensions.DependencyInjection;

/// <summary>What <c>services.AddKolla(...)</c> returns: the service collection, for executor packages to extend.</summary>
/// <remarks>
/// Kolla.Docker adds <c>AddDockerExecutor</c>, Kolla.Ssh adds <c>AddSshExecutor</c>, Kolla.Core adds
/// <c>AddDryRunExecutor</c>; each registers a <see cref="Kolla.Hosts.HostConnectorRoute"/>, tried in registration order.
/// </remarks>
public interface IKollaBuilder
{
    /// <summary>The service collection Kolla was added to.</summary>
    IServiceCollection Services { get; }
}
