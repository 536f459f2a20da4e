using System.CommandLine;

namespace Kolla.Cli.Commands;

/// <summary>Every verb the CLI knows, in help order.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(CliConsole console)
    {
        yield return DeployCommand.Create(console);
        yield return DeployCommand.CreateDeployContainers(console);
        yield return DeployCommand.CreateReconfigure(console);
        yield return PlanCommand.Create(console);
        yield return PlanCommand.CreateCheck(console);
        yield return GenConfigCommand.Create(console);
        yield return ConfigCommand.Create(console);
        yield return GenPwdCommand.Create(console);
        yield return CertificatesCommand.Create(console);
        yield return MergePwdCommand.Create(console);
        yield return InventoryCommand.Create(console);
        yield return BootstrapServersCommand.Create(console);
        yield return PrechecksCommand.Create(console);
        yield return GatherFactsCommand.Create(console);
        yield return PullCommand.Create(console);
        yield return UpgradeCommand.Create(console);
        yield return TeardownCommand.CreateStop(console);
        yield return TeardownCommand.CreateDestroy(console);
        yield return PruneImagesCommand.Create(console);
        yield return MariaDbRecoveryCommand.Create(console);
        yield return PostDeployCommand.Create(console);
        yield return BuildCommand.Create(console);
        yield return CompletionCommand.Create(console);
    }
}
