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
    /// <see cref="SshExecutorOptions"/> are validated on start.
    /// </summary>
    /// <param name="builder">The builder <c>AddKolla</c> returned.</param>
    /// <param name="configure">Sets the user, key files, known_hosts, timeouts; null for the defaults.</param>
    /// <returns>The builder.</returns>
    /// <example>
    /// <code>
    /// services.AddKolla(o => o.ConfigDirectory = "/etc/kolla")
    ///         .AddSshExecutor(o => { o.User = "kolla"; o.PrivateKeyFile = "~/.ssh/id_ed25519"; });
    /// </code>
    /// </example>
    public static IKollaBuilder AddSshExecutor(this IKollaBuilder builder, Action<SshExecutorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<SshExecutorOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SshExecutorOptions>, SshExecutorOptionsValidator>());
        builder.Services.AddSingleton(sp => new HostConnectorRoute(
            "ssh",
            target => !string.Equals(target.Connection, "local", StringComparison.Ordinal),
            SshHostConnector.Create(
                sp.GetRequiredService<IOptions<SshExecutorOptions>>().Value,
                sp.GetService<ILoggerFactory>(),
                sp.GetService<IOptions<DockerRuntimeOptions>>()?.Value,
                sp.GetService<TimeProvider>())));
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
}
