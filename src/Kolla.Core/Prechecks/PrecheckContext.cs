using Kolla.Planning;
using Kolla.Services;
using Kolla.Templates;
using Kolla.Variables;

namespace Kolla.Prechecks;

/// <summary>What the deployment-wide checks read: the inputs, and the plan's variables and selection of hosts and services.</summary>
internal sealed record PrecheckContext
{
    /// <summary>The deployment's inputs.</summary>
    public required DeploymentInputs Inputs { get; init; }

    /// <summary>How the checks run.</summary>
    public required PrecheckOptions Options { get; init; }

    /// <summary>The variables of every inventory host (the plan's own).</summary>
    public required VariableContext Variables { get; init; }

    /// <summary>Hosts that run containers, in inventory order.</summary>
    public required IReadOnlyList<string> Hosts { get; init; }

    /// <summary>Services the tags select, whether placed anywhere or not, in deploy order.</summary>
    public required IReadOnlyList<ServiceDefinition> SelectedServices { get; init; }

    /// <summary>Services deployed: the plan's, or without a plan the selected ones.</summary>
    public required IReadOnlyList<string> DeployedServices { get; init; }

    /// <summary>Renders the variables the checks read.</summary>
    public TemplateRenderer Renderer { get; } = new();

    /// <summary>The variables of <paramref name="host"/>, or the host-independent ones when it is null or unknown.</summary>
    public IVariableScope Scope(string? host) =>
        host is not null && Variables.TryGetHost(host, out var scope) ? scope : Variables.Common;

    /// <summary>
    /// The context of a plan: its variables, hosts and selection. Without one (it could not be made) the variables are
    /// built as the planner builds them, every host in a group some catalogue container runs on is checked, and the
    /// services are those <paramref name="planOptions"/> selects.
    /// </summary>
    public static PrecheckContext Create(DeploymentInputs inputs, DeploymentPlan? plan, PrecheckOptions options, PlanOptions? planOptions)
    {
        if (plan is not null)
        {
            return new PrecheckContext
            {
                Inputs = inputs,
                Options = options,
                Variables = plan.Variables,
                Hosts = [.. plan.Hosts.Where(h => h.Containers.Count > 0).Select(h => h.Host)],
                SelectedServices = [.. plan.SelectedServices.Select(inputs.Catalogue.Find).OfType<ServiceDefinition>()],
                DeployedServices = plan.ServiceOrder,
            };
        }

        var selected = inputs.Catalogue.Services.Where(s => planOptions?.Selects(s.Name) ?? true).ToList();
        var groups = inputs.Catalogue.Services.SelectMany(s => s.Containers).Select(c => c.Group).ToHashSet(StringComparer.Ordinal);
        return new PrecheckContext
        {
            Inputs = inputs,
            Options = options,
            Variables = DeploymentVariables.Create(inputs, options.GlobalsPrecedence),
            Hosts = [.. inputs.Inventory.Hosts.Where(h => groups.Any(h.IsInGroup)).Select(h => h.Name)],
            SelectedServices = selected,
            DeployedServices = [.. selected.Select(s => s.Name)],
        };
    }
}
