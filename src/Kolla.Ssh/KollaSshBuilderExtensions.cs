using Kolla.Docker;
using Kolla.Hosts;
using Kolla.Ssh;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the SSH executor to Kolla's dependency injection.</summary>
public static class KollaSshBuilderExtensions
{
    /// <summary>
    /// Serves remote hosts (every <c>ansible_connection</c> other than <c>local</c>) with <see cref="SshHostConnector"/>: files
    /// over SFTP, Docker's API through <c>docker system dial-stdio</c>, host keys checked against known_hosts. The
    /// <see cref="SshExecutorOptions"/> are validated on start; disposing the service provider closes the connections kept
    /// from fact gathering.
    /// </summary>
    /// <param name="builder">The builder <c>AddKolla</c> returned.</param>
    /// <param name="configure">Sets the user, key files, known_hosts, timeouts; null for the defaults.</param>
    /// <param name="everyHost">Serve local hosts over SSH too (<c>kolla --executor ssh</c>). False (default): remote hosts only.</param>
    /// <returns>The builder.</returns>
    /// <example>
    /// <code>
    /// services.AddKolla(o => o.ConfigDirectory = "/etc/kolla")
    ///         .AddSshExecutor(o => { o.User = "kolla"; o.PrivateKeyFile = "~/.ssh/id_ed25519"; });
    /// </code>
    /// </example>
    public static IKollaBuilder AddSshExecutor(this IKollaBuilder builder, Action<SshExecutorOptions>? configure = null, bool everyHost = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<SshExecutorOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SshExecutorOptions>, SshExecutorOptionsValidator>(_ => new SshExecutorOptionsValidator()));
        builder.Services.TryAddSingleton(sp => new SshConnectorLifetime(SshHostConnector.Create(
            sp.GetRequiredService<IOptions<SshExecutorOptions>>().Value,
            sp.GetService<ILoggerFactory>(),
            sp.GetService<IOptions<DockerRuntimeOptions>>()?.Value,
            sp.GetService<TimeProvider>())));
        builder.Services.AddSingleton(sp => new HostConnectorRoute(
            "ssh",
            target => everyHost || !string.Equals(target.Connection, "local", StringComparison.Ordinal),
            sp.GetRequiredService<SshConnectorLifetime>().Connector));
        return builder;
    }

    private sealed class SshExecutorOptionsValidator : IValidateOptions<SshExecutorOptions>
    {
        public ValidateOptionsResult Validate(string? name, SshExecutorOptions options)
        {
            try
            {
                options.Validate();
                return ValidateOptionsResult.Success;
            }
            catch (ArgumentException e)
            {
                return ValidateOptionsResult.Fail(e.Message);
            }
        }
    }

    /// <summary>
    /// Lets the service provider close the connector it created (the connections kept from fact gathering), whether the
    /// provider is disposed asynchronously or not.
    /// </summary>
    private sealed class SshConnectorLifetime(SshHostConnector connector) : IAsyncDisposable, IDisposable
    {
        public SshHostConnector Connector { get; } = connector;

        public ValueTask DisposeAsync() => Connector.DisposeAsync();

        public void Dispose()
        {
            // Closing a kept connection disposes its SSH and Docker clients: it completes synchronously.
            Connector.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
