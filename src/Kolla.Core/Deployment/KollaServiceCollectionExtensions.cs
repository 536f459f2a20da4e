using Kolla.Converge;
using Kolla.Deployment;
using Kolla.Globals;
using Kolla.Hosts;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Kolla for .NET in a service collection.</summary>
public static class KollaServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IKollaDeployer"/>, validated <see cref="KollaOptions"/> (<see cref="KollaOptionsValidator"/>, on start),
    /// <see cref="ConvergeOptions"/> (defaults unless registered before) and an <see cref="IHostConnector"/> that routes each
    /// host to the executors added to the returned builder.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, for example <c>o =&gt; o.ConfigDirectory = "/srv/kolla"</c>; the globals come from its <c>globals.yml</c>.</param>
    /// <returns>A builder for adding executors.</returns>
    /// <remarks>
    /// <para>A Generic Host validates the options when it starts (<c>ValidateOnStart</c>). A plain console app has no host:
    /// the first <see cref="IKollaDeployer"/> call that reads the options (<see cref="IKollaDeployer.LoadInputsAsync"/>)
    /// throws <c>OptionsValidationException</c> listing every problem, or call
    /// <see cref="KollaServiceProviderExtensions.ValidateKollaOptions"/> first.</para>
    /// <para>Kolla's services are registered as factories or instances (no reflection-based activation), so the container
    /// works under NativeAOT, as the <c>kolla</c> CLI, which composes itself through this method, is published.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// services.AddKolla(o => o.ConfigDirectory = "/etc/kolla")
    ///         .AddDockerExecutor()
    ///         .AddSshExecutor(o => o.KnownHostsFile = "~/.ssh/known_hosts");
    /// </code>
    /// </example>
    public static IKollaBuilder AddKolla(this IServiceCollection services, Action<KollaOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddKollaOptions(configure);
        services.TryAddSingleton(new ConvergeOptions());
        services.TryAddSingleton<IHostConnector>(sp => new RoutingHostConnector(sp.GetServices<HostConnectorRoute>()));
        services.TryAddSingleton<IKollaDeployer>(sp => new KollaDeployer(
            sp.GetRequiredService<IOptions<KollaOptions>>(),
            sp.GetRequiredService<IHostConnector>(),
            sp.GetRequiredService<ConvergeOptions>(),
            sp.GetService<IListeningPorts>(),
            sp.GetService<TimeProvider>()));
        return new KollaBuilder(services);
    }
}
