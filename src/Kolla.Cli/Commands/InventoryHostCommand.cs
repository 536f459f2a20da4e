using System.CommandLine;
using Kolla.Inventory;

namespace Kolla.Cli.Commands;

/// <summary><c>kolla inventory host NAME -i INV</c>: one host's merged variables, as <c>ansible-inventory --host</c> prints them.</summary>
internal static class InventoryHostCommand
{
    public static Command Create(CliConsole console)
    {
        var inventory = CommonOptions.Inventory();
        var extraVars = InventoryCommandSupport.ExtraVars();
        var name = new Argument<string>("name")
        {
            Description = "The host (its inventory name, or a pattern that selects exactly one host).",
        };
        var command = new Command("host", "Print one host's merged variables, as ansible-inventory --host does.")
        {
            inventory, extraVars, name,
        };
        command.SetAction((parse, cancellationToken) => InventoryCommandSupport.RunAsync(
            console,
            parse.GetValue(inventory),
            async inv =>
            {
                var hostName = parse.GetValue(name)!;
                if (!inv.TryGetHost(hostName, out var host))
                {
                    var hosts = HostPattern.Parse(hostName).Evaluate(inv);
                    host = hosts.Count == 1
                        ? hosts[0]
                        : throw new InventoryException(null, null, $"You must pass a single valid host to the host command; '{hostName}' selects {hosts.Count}");
                }

                var extra = await ExtraVariables.LoadAsync(parse.GetValue(extraVars) ?? [], cancellationToken).ConfigureAwait(false);
                return AnsibleInventoryFormatter.FormatHost(inv, host.Name, extra);
            },
            cancellationToken));
        return command;
    }
}
