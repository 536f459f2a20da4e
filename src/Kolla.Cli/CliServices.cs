using Kolla.Cli.Output;
using Kolla.Docker;
using Kolla.Hosts;
using Kolla.Ssh;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Kolla.Cli;

/// <summary>
/// How the CLI composes the library: <c>AddKolla</c> and the executors <c>--executor</c> names, exactly as an embedding
/// application would; every verb then goes through <see cref="Deployment.IKollaDeployer"/>.
/// </summary>
internal static class CliServices
{
    /// <summary>The values of <c>--executor</c>.</summary>
    public static IReadOnlyList<string> Executors { get; } = ["auto", "docker", "ssh", "dry-run"];

    /// <summary>
    /// One provider per command run, so fact gathering and the verb share connections; disposing it closes what the
    /// executors still hold.
    /// </summary>
    /// <param name="executor">
    /// <c>auto</c>: Docker for <c>ansible_connection=local</c>, SSH for the rest; <c>docker</c> or <c>ssh</c>: that executor for
    /// every host; <c>dry-run</c>: in memory, local hosts starting from this machine's files.
    /// </param>
    /// <param name="ssh">Sets the SSH options from the command line.</param>
    /// <param name="warnings">Where the library's warnings go, one <c>warning:</c> line each (standard error); null for nowhere.</param>
    /// <exception cref="CliUsageException"><paramref name="executor"/> is none of <see cref="Executors"/>.</exception>
    public static ServiceProvider Create(string executor, Action<SshExecutorOptions> ssh, TextWriter? warnings = null)
    {
        if (!Executors.Contains(executor))
        {
            throw new CliUsageException($"--executor must be one of {string.Join(", ", Executors)}, not '{executor}'");
        }

        var services = new ServiceCollection();
        if (warnings is not null)
        {
            services.AddLogging(logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Warning).AddProvider(new WarningLoggerProvider(warnings)));
        }

        var kolla = services.AddKolla();
        _ = executor switch
        {
            "dry-run" => kolla.AddDryRunExecutor(readLocalFiles: true),
            "docker" => kolla.AddDockerExecutor(everyHost: true),
            "ssh" => kolla.AddSshExecutor(ssh, everyHost: true),
            _ => kolla.AddDockerExecutor().AddSshExecutor(ssh),
        };

        // The CLI runs on the deploy host: whatever the executor, a local host's ports are this machine's.
        services.TryAddSingleton<IListeningPorts>(new LocalListeningPorts());
        return services.BuildServiceProvider();
    }
}
