using System.CommandLine;

namespace Kolla.Cli.Commands;

/// <summary><c>kolla deploy</c>: render configs and converge containers on every host.</summary>
internal static class DeployCommand
{
    public static Command Create(CliConsole console)
    {
        var inventory = CommonOptions.Inventory();
        var configDir = CommonOptions.ConfigDir();
        var passwords = CommonOptions.Passwords();
        var executor = CommonOptions.Executor();
        var command = new Command("deploy", "Deploy (or converge) the cloud described by the inventory and configdir.")
        {
            inventory, configDir, passwords, executor,
        };
        command.SetAction((parse, _) =>
        {
            var inventories = parse.GetValue(inventory) ?? [];
            console.Out.WriteLine($"kolla deploy (executor: {parse.GetValue(executor)})");
            foreach (var path in inventories)
            {
                console.Out.WriteLine($"  inventory: {path}");
            }

            console.Out.WriteLine($"  configdir: {parse.GetValue(configDir)}");
            console.Out.WriteLine("  plan: the deploy pipeline is not built yet; nothing to do.");
            return Task.FromResult(0);
        });
        return command;
    }
}
