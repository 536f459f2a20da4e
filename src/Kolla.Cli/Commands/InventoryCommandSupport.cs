using System.CommandLine;
using Kolla.Inventory;

namespace Kolla.Cli.Commands;

/// <summary>What the <c>kolla inventory</c> subcommands share: options, loading, error reporting.</summary>
internal static class InventoryCommandSupport
{
    public static Option<string[]> ExtraVars() => new("--extra-vars", "-e")
    {
        Description = "Extra variables: key=value, inline YAML/JSON, or @FILE; may be given more than once.",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Loads the inventories, runs <paramref name="render"/> and prints its text; inventory errors become one stderr line and exit code 1.</summary>
    public static async Task<int> RunAsync(
        CliConsole console,
        string[]? inventories,
        Func<Inventory.Inventory, Task<string>> render,
        CancellationToken cancellationToken)
    {
        if (inventories is null || inventories.Length == 0)
        {
            await console.Error.WriteLineAsync("kolla inventory: no inventory given; pass -i INVENTORY (more than once to combine several).").ConfigureAwait(false);
            return 2;
        }

        try
        {
            var inventory = await InventoryLoader.LoadAsync(inventories, cancellationToken).ConfigureAwait(false);
            foreach (var warning in inventory.Warnings)
            {
                await console.Error.WriteLineAsync($"[WARNING]: {warning}").ConfigureAwait(false);
            }

            var text = await render(inventory).ConfigureAwait(false);
            await console.Out.WriteAsync(text).ConfigureAwait(false);
            return 0;
        }
        catch (KollaException e)
        {
            await console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 1;
        }
    }
}
