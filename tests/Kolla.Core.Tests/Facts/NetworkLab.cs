using Kolla.TestKit;

namespace Kolla.Core.Tests.Facts;

/// <summary>
/// Interfaces that exercise the network facts' corner cases, in the root network namespace or in a new one: a bridge
/// <c>kf-ID-br</c> (a name with dashes) holding a veth port, a labelled secondary address (<c>kf-ID-br:1</c>), an
/// unlabelled secondary, a primary without broadcast, an address with a metric, point-to-point peers, and IPv6 global,
/// link-local and metric addresses. Deleted on dispose.
/// </summary>
internal sealed class NetworkLab : IAsyncDisposable
{
    private NetworkLab(string id, string? netns)
    {
        Id = id;
        Netns = netns;
    }

    public string Id { get; }

    /// <summary>Gets the namespace, or null for the root namespace.</summary>
    public string? Netns { get; }

    public string Bridge => $"kf-{Id}-br";

    public string Port => $"kf-{Id}-v0";

    public string Peer => $"kf{Id}v1";

    public static async Task<NetworkLab> CreateAsync(bool inNamespace, bool defaultRoutes, CancellationToken cancellationToken)
    {
        if (!TestRig.IsRoot)
        {
            throw TestRig.Unavailable("creating interfaces needs root (" + TestRig.InstallHint + ")");
        }

        var id = TestRig.NewRunId();
        var lab = new NetworkLab(id, inNamespace ? $"kf-{id}" : null);
        try
        {
            if (lab.Netns is { } netns)
            {
                await IpAsync(null, ["netns", "add", netns], cancellationToken);
                await lab.IpAsync(["link", "set", "lo", "up"], cancellationToken);
            }

            string[][] commands =
            [
                ["link", "add", lab.Bridge, "type", "bridge"],
                ["link", "add", lab.Port, "type", "veth", "peer", "name", lab.Peer],
                ["link", "set", lab.Port, "master", lab.Bridge],
                ["link", "set", lab.Bridge, "up"],
                ["link", "set", lab.Port, "up"],
                ["link", "set", lab.Peer, "up"],
                ["addr", "add", "198.51.100.1/24", "brd", "+", "dev", lab.Bridge],
                ["addr", "add", "198.51.100.2/24", "dev", lab.Bridge, "label", $"{lab.Bridge}:1"],
                ["addr", "add", "198.51.100.3/24", "dev", lab.Bridge],
                ["addr", "add", "203.0.113.9/24", "dev", lab.Bridge],
                ["addr", "add", "198.18.0.5/24", "metric", "7", "dev", lab.Peer],
                ["addr", "add", "198.18.1.1", "peer", "198.18.1.2/32", "dev", lab.Peer],
                ["-6", "addr", "add", "2001:db8:5::1/64", "dev", lab.Bridge, "nodad"],
                ["-6", "addr", "add", "2001:db8:6::1/64", "dev", lab.Bridge, "metric", "9", "nodad"],
                ["-6", "addr", "add", "2001:db8:7::1", "peer", "2001:db8:7::2/128", "dev", lab.Peer, "nodad"],
            ];
            foreach (var command in commands)
            {
                await lab.IpAsync(command, cancellationToken);
            }

            if (defaultRoutes)
            {
                await lab.IpAsync(["route", "add", "default", "via", "198.51.100.254"], cancellationToken);
                await lab.IpAsync(["-6", "route", "add", "default", "via", "2001:db8:5::ff"], cancellationToken);
            }

            // Link-local addresses appear (tentative) once the links are up; give DAD a moment to settle.
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            return lab;
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Netns is { } netns)
        {
            await ExternalCommand.RunAsync("ip", ["netns", "del", netns]);
        }
        else
        {
            await ExternalCommand.RunAsync("ip", ["link", "del", Port]);
            await ExternalCommand.RunAsync("ip", ["link", "del", Bridge]);
        }
    }

    private Task IpAsync(string[] arguments, CancellationToken cancellationToken) => IpAsync(Netns, arguments, cancellationToken);

    private static async Task IpAsync(string? netns, string[] arguments, CancellationToken cancellationToken) =>
        (await ExternalCommand.RunAsync("ip", netns is null ? arguments : ["-n", netns, .. arguments], cancellationToken: cancellationToken)).EnsureSuccess();
}
