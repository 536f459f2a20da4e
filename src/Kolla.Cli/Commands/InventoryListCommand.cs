using System.CommandLine;
using Kolla.Inventory;

namespace Kolla.Cli.Commands;

/// <summary><c>kolla inventory list --json -i INV</c>: the document <c>ansible-inventory --list</c> prints.</summary>
internal static class InventoryListCommand
{
    public static Command Create(CliConsole console)
    {
        var inventory = CommonOptions.Inventory();
        var extraVars = InventoryCommandSupport.ExtraVars();
        var json = new Option<bool>("--json")
        {
            Description = "Print JSON (the only format, as ansible-inventory's default).",
        };
        var command = new Command("list", "Print every group and host with their variables, as ansible-inventory --list does.")
        {
            inventory, extraVars, json,
        };
        command.SetAction((parse, cancellationToken) => InventoryCommandSupport.RunAsync(
            console,
            parse.GetValue(inventory),
            async inv =>
            {
                var extra = await ExtraVariables.LoadAsync(parse.GetValue(extraVars) ?? [], cancellationToken).ConfigureAwait(false);
                return AnsibleInventoryFormatter.FormatList(inv, extra);
            },
            cancellationToken));
        return command;
    }
}
