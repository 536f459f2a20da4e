using System.CommandLine;
using Kolla.Operations;
using Kolla.Serialization;

namespace Kolla.Cli.Commands;

/// <summary><c>kolla mariadb_recovery</c>: restart a Galera cluster that stopped everywhere (<see cref="Deployment.IKollaDeployer.RecoverMariaDbAsync"/>).</summary>
internal static class MariaDbRecoveryCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new LifecycleOptions();
        var bootstrapHost = new Option<string?>("--bootstrap-host")
        {
            Description = "Bootstrap the cluster from this host instead of the one with the most advanced position (kolla-ansible's -e mariadb_recover_inventory_name=HOST).",
        };
        var syncTimeout = WholeNumberOption.Create("--sync-timeout", [], "Seconds each node may take to start and reach Synced.", minimum: 1, defaultValue: 300);
        var command = new Command(
            "mariadb_recovery",
            "Restart the MariaDB Galera cluster after it stopped on every host: stop MariaDB everywhere, read each node's position "
            + "(grastate.dat and --wsrep-recover), bootstrap from the most advanced node, then start the others one at a time, each once the previous one synced.")
        {
            bootstrapHost, syncTimeout,
        };
        command.Aliases.Add("mariadb-recovery");
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(options.Executor) == "dry-run")
            {
                await new Output.Terminal(console).ErrorAsync("error: mariadb_recovery stops and restarts the real servers; it has no dry run (kolla plan shows the MariaDB containers)")
                    .ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            return await LifecycleRunner.RunAsync(console, parse, options, generatePasswords: false, async (plan, terminal, masker, token) =>
            {
                var json = parse.GetValue(options.Json);
                var progress = new Progress(line => terminal.Out.WriteLine(json
                    ? PlainJson.Serialize(new Dictionary<string, object?> { ["event"] = "MariaDbRecovery", ["message"] = masker.Mask(line) })
                    : "mariadb_recovery: " + masker.Mask(line)));
                var recovery = new MariaDbRecoveryOptions
                {
                    BootstrapHost = parse.GetValue(bootstrapHost),
                    SyncTimeout = TimeSpan.FromSeconds(parse.GetValue(syncTimeout)),
                };
                var result = await options.Deployer(parse).RecoverMariaDbAsync(plan, recovery, progress, token).ConfigureAwait(false);
                terminal.Out.WriteLine(json
                    ? PlainJson.Serialize(new Dictionary<string, object?> { ["event"] = "MariaDbRecovered", ["bootstrap_host"] = result.BootstrapHost, ["cluster_size"] = result.ClusterSize })
                    : $"mariadb_recovery: cluster recovered from {result.BootstrapHost}, {result.ClusterSize} node(s) synced");
                return ExitCodes.Ok;
            }, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    // Reports synchronously, in order (System.Progress posts to the thread pool).
    private sealed class Progress(Action<string> report) : IProgress<string>
    {
        private readonly Lock _gate = new();

        public void Report(string value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}
