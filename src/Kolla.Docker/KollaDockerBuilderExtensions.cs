using Kolla.Docker;
using Kolla.Hosts;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Docker executor to Kolla's dependency injection.</summary>
public static class KollaDockerBuilderExtensions
{
    /// <summary>
    /// Serves local hosts (<c>ansible_connection=local</c>) with <see cref="DockerHostConnector"/>: this machine's files and
    /// Docker engine. The <see cref="DockerRuntimeOptions"/> are validated on start.
    /// </summary>
    /// <param name="builder">The builder <c>AddKolla</c> returned.</param>
    /// <param name="configure">Sets the engine endpoint, retries and timeouts; null for the defaults (endpoint as the docker CLI finds it).</param>
    /// <returns>The builder.</returns>
    /// <example>
    /// <code>
    /// services.AddKolla(o => o.ConfigDirectory = "/etc/kolla")
    ///         .AddDockerExecutor(o => o.Endpoint = new Uri("unix:///var/run/docker.sock"));
    /// </code>
    /// </example>
    public static IKollaBuilder AddDockerExecutor(this IKollaBuilder builder, Action<DockerRuntimeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<DockerRuntimeOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DockerRuntimeOptions>, DockerRuntimeOptionsValidator>());
        builder.Services.AddSingleton(sp => new HostConnectorRoute(
            "docker",
            target => string.Equals(target.Connection, "local", StringComparison.Ordinal),
            new DockerHostConnector(
                sp.GetRequiredService<IOptions<DockerRuntimeOptions>>().Value,
                sp.GetService<ILoggerFactory>(),
                sp.GetService<TimeProvider>())));
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
}
