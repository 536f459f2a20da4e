using Kolla.Docker;
using Kolla.Facts;
using Kolla.Hosts;
using Kolla.Inventory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Docker executor to Kolla's dependency injection.</summary>
public static class KollaDockerBuilderExtensions
{
    /// <summary>
    /// Serves local hosts (<c>ansible_connection=local</c>) with <see cref="DockerHostConnector"/>: this machine's files and
    /// Docker engine. The <see cref="DockerRuntimeOptions"/> are validated on start. Also registers this machine's
    /// listening ports (<see cref="LocalListeningPorts"/>) for the port prechecks of local hosts.
    /// </summary>
    /// <param name="builder">The builder <c>AddKolla</c> returned.</param>
    /// <param name="configure">Sets the engine endpoint, retries and timeouts; null for the defaults (endpoint as the docker CLI finds it).</param>
    /// <param name="everyHost">
    /// Serve every host, whatever its <c>ansible_connection</c>, as this machine and its engine (<c>kolla --executor docker</c>:
    /// an inventory that names this machine by address). False (default): local hosts only.
    /// </param>
    /// <returns>The builder.</returns>
    /// <example>
    /// <code>
    /// services.AddKolla(o => o.ConfigDirectory = "/etc/kolla")
    ///         .AddDockerExecutor(o => o.Endpoint = new Uri("unix:///var/run/docker.sock"));
    /// </code>
    /// </example>
    public static IKollaBuilder AddDockerExecutor(this IKollaBuilder builder, Action<DockerRuntimeOptions>? configure = null, bool everyHost = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<DockerRuntimeOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DockerRuntimeOptions>, DockerRuntimeOptionsValidator>(_ => new DockerRuntimeOptionsValidator()));
        builder.Services.TryAddSingleton<IListeningPorts>(new LocalListeningPorts());
        builder.Services.AddSingleton(sp =>
        {
            var connector = new DockerHostConnector(
                sp.GetRequiredService<IOptions<DockerRuntimeOptions>>().Value,
                sp.GetService<ILoggerFactory>(),
                sp.GetService<TimeProvider>());
            return everyHost
                ? new HostConnectorRoute("docker", _ => true, new AsLocalHost(connector))
                : new HostConnectorRoute("docker", target => string.Equals(target.Connection, "local", StringComparison.Ordinal), connector);
        });
        return builder;
    }

    internal static string? Check(DockerRuntimeOptions options)
    {
        try
        {
            options.Validate();
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    private sealed class DockerRuntimeOptionsValidator : IValidateOptions<DockerRuntimeOptions>
    {
        public ValidateOptionsResult Validate(string? name, DockerRuntimeOptions options) =>
            Check(options) is { } failure ? ValidateOptionsResult.Fail(failure) : ValidateOptionsResult.Success;
    }

    /// <summary>Every host reached as this machine: the target's connection is taken as <c>local</c>.</summary>
    private sealed class AsLocalHost(DockerHostConnector connector) : IHostConnector, IHostFactsGatherer
    {
        public ValueTask<IHostConnection> ConnectAsync(HostTarget target, CancellationToken cancellationToken = default) =>
            connector.ConnectAsync(target with { Connection = "local" }, cancellationToken);

        public ValueTask<HostFacts> GatherFactsAsync(HostTarget target, CancellationToken cancellationToken = default) =>
            connector.GatherFactsAsync(target, cancellationToken);
    }
}
