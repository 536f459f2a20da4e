using System.Net;
using Kolla.Inventory;
using Kolla.Planning;
using Kolla.Services;
using Kolla.Templates;
using Kolla.Variables;

namespace Kolla.Prechecks;

/// <summary>
/// The <c>inventory</c> check: the inventory's own warnings, hosts named by their IP address, and every group an enabled
/// container of a selected service runs on exists (a failure) and is not empty (a warning).
/// </summary>
internal sealed class InventoryPrecheck() : Precheck(PrecheckNames.Inventory)
{
    protected override string? Collect(PrecheckContext context, List<PrecheckResult> results)
    {
        var inventory = context.Inputs.Inventory;
        foreach (var warning in inventory.Warnings)
        {
            results.Add(Result(PrecheckStatus.Warning, warning));
        }

        foreach (var host in inventory.Hosts.Where(h => IPAddress.TryParse(h.Name, out _)))
        {
            results.Add(Result(PrecheckStatus.Warning, $"host '{host.Name}' is named by its IP address; use a host name and set ansible_host (services such as OVN and RabbitMQ use the name as an identity)", host.Name));
        }

        var scope = context.Scope(inventory.Hosts.FirstOrDefault()?.Name);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var service in context.SelectedServices)
        {
            foreach (var container in service.Containers.Where(c => c.Group != InventoryGroup.AllName && c.HostInGroups is null))
            {
                if (!IsEnabled(context.Renderer, scope, container) || !reported.Add(container.Group))
                {
                    continue;
                }

                if (!inventory.Groups.TryGetValue(container.Group, out var group))
                {
                    results.Add(Result(PrecheckStatus.Failed, $"group '{container.Group}' is not in the inventory, but the enabled container {container.ContainerName} ({service.Name}) runs on it; add the group (it may be empty)"));
                }
                else if (group.Hosts.Count == 0)
                {
                    results.Add(Result(PrecheckStatus.Warning, $"group '{container.Group}' is empty: the enabled container {container.ContainerName} ({service.Name}) runs nowhere"));
                }
            }
        }

        return $"{inventory.Hosts.Count} host(s); every group the enabled services use exists";
    }

    private static bool IsEnabled(TemplateRenderer renderer, IVariableScope scope, ContainerDefinition container)
    {
        try
        {
            return new ValueEvaluator(renderer, scope, container.ContainerName).Bool(container.Enabled);
        }
        catch (KollaException)
        {
            // An expression that needs per-host values: assume enabled, so a missing group is still reported.
            return true;
        }
    }
}
