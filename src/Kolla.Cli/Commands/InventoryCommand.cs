using System.CommandLine;

namespace Kolla.Cli.Commands;

/// <summary><c>kolla inventory</c>: show an Ansible inventory the way <c>ansible-inventory</c> does.</summary>
internal static class InventoryCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("inventory", "Show the inventory as Ansible resolves it (like ansible-inventory).");
        command.Subcommands.Add(InventoryListCommand.Create(console));
        command.Subcommands.Add(InventoryGraphCommand.Create(console));
        command.Subcommands.Add(InventoryHostCommand.Create(console));
        return command;
    }
}
