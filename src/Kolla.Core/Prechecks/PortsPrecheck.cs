using System.Net;
using Kolla.Planning;
using Kolla.Templates;

namespace Kolla.Prechecks;

/// <summary>
/// The <c>ports</c> check, read from the catalogue: on a local host, every port a container declares
/// (<see cref="Services.ContainerPrechecks.Ports"/>, plus <see cref="PrecheckOptions.Ports"/>) is free unless that
/// container already runs there. Remote hosts are skipped.
/// </summary>
/// <remarks>kolla-ansible's per-role prechecks wait for these ports to be free on hosts where the container is not running yet.</remarks>
internal sealed class PortsPrecheck : IHostPrecheck
{
    public async Task<IReadOnlyList<PrecheckResult>> CheckAsync(HostPrecheckContext context, CancellationToken cancellationToken)
    {
        const string Check = PrecheckNames.Ports;
        var host = context.Host;
        if (host.Target.Connection != "local" || context.Options.LocalPorts is not { } localPorts)
        {
            return [new(Check, PrecheckStatus.Skipped, $"{host.Host}: ports are checked on local hosts only (ansible_connection=local)", host.Host)];
        }

        var running = (await context.Connection.Containers.ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(c => c.Status == "running")
            .Select(c => c.Name)
            .ToHashSet(StringComparer.Ordinal);
        var listeners = await localPorts.ReadAsync(cancellationToken).ConfigureAwait(false);
        var renderer = new TemplateRenderer();
        var scope = context.Variables;
        IPAddress.TryParse(PrecheckValues.Text(renderer, scope, "api_interface_address"), out var ip);
        var results = new List<PrecheckResult>();
        var checkedPorts = new HashSet<int>();
        foreach (var container in host.Containers.Where(c => !running.Contains(c.Spec.Name)))
        {
            foreach (var expression in Ports(context, container))
            {
                if (PrecheckValues.Port(renderer, scope, expression) is not { } port || !checkedPorts.Add(port))
                {
                    continue;
                }

                var busy = listeners.FirstOrDefault(l => l.Port == port && (ip is null || l.Address.Equals(ip) || l.Address.Equals(IPAddress.Any) || l.Address.Equals(IPAddress.IPv6Any)
                    || (l.Address.IsIPv4MappedToIPv6 && l.Address.MapToIPv4().Equals(ip))));
                if (busy is not null)
                {
                    results.Add(new(Check, PrecheckStatus.Failed, $"{host.Host}: port {port} ({expression}) is in use on {busy.Address}, but {container.Spec.Name} is not running there yet", host.Host));
                }
            }
        }

        if (results.Count == 0)
        {
            results.Add(new(Check, PrecheckStatus.Passed, $"{host.Host}: {checkedPorts.Count} port(s) free for the containers not running yet", host.Host));
        }

        return results;
    }

    /// <summary>The ports the catalogue declares for the container, then those the options add for its service key.</summary>
    private static IEnumerable<string> Ports(HostPrecheckContext context, ContainerPlan container)
    {
        var declared = context.Catalogue.Find(container.Service)?.Containers.FirstOrDefault(c => c.Key == container.Key)?.Prechecks.Ports ?? [];
        return declared.Concat(context.Options.Ports.GetValueOrDefault(container.Key) ?? []);
    }
}
