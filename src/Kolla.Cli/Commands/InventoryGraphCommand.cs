using System.CommandLine;
using Kolla.Inventory;

namespace Kolla.Cli.Commands;

/// <summary><c>kolla inventory graph [GROUP] -i INV</c>: the tree <c>ansible-inventory --graph</c> prints.</summary>
internal static class InventoryGraphCommand
{
    public static Command Create(CliConsole console)
    {
        var inventory = CommonOptions.Inventory();
        var group = new Argument<string>("group")
        {
            Description = "The group to start at.",
            DefaultValueFactory = _ => InventoryGroup.AllName,
        };
        var command = new Command("graph", "Print the group tree with each group's hosts, as ansible-inventory --graph does.")
        {
            inventory, group,
        };
        command.SetAction((parse, cancellationToken) => InventoryCommandSupport.RunAsync(
            console,
            parse.GetValue(inventory),
            inv => Task.FromResult(AnsibleInventoryFormatter.FormatGraph(inv, parse.GetValue(group) ?? InventoryGroup.AllName)),
            cancellationToken));
        return command;
    }
}
