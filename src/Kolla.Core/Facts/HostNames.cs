using System.Net;
using System.Net.Sockets;

namespace Kolla.Facts;

/// <summary>
/// The two lookups behind Python's <c>socket.getfqdn()</c>, in process: the node name's first address, then that
/// address's names (<c>/etc/hosts</c> first, as the usual <c>hosts: files dns</c> order has it, then the resolver).
/// </summary>
internal static class HostNames
{
    /// <summary>The canonical name and aliases of the node name's first address, or null when a lookup fails.</summary>
    public static async Task<IReadOnlyList<string>?> ReverseNamesAsync(string nodename, string hostsFile, CancellationToken cancellationToken)
    {
        IPAddress address;
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(nodename, cancellationToken).ConfigureAwait(false);
            if (addresses.Length == 0)
            {
                return null;
            }

            address = addresses[0];
        }
        catch (Exception e) when (e is SocketException or ArgumentException)
        {
            return null;
        }

        if (FromHostsFile(hostsFile, address) is { } names)
        {
            return names;
        }

        try
        {
            var entry = await Dns.GetHostEntryAsync(address).WaitAsync(cancellationToken).ConfigureAwait(false);
            return string.IsNullOrEmpty(entry.HostName) ? null : [entry.HostName, .. entry.Aliases];
        }
        catch (Exception e) when (e is SocketException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The names of the first line of a hosts file that lists <paramref name="address"/>, or null.</summary>
    public static IReadOnlyList<string>? FromHostsFile(string path, IPAddress address)
    {
        IEnumerable<string> lines;
        try
        {
            lines = File.ReadLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        try
        {
            foreach (var line in lines)
            {
                var hash = line.IndexOf('#', StringComparison.Ordinal);
                var fields = (hash >= 0 ? line[..hash] : line).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length >= 2 && IPAddress.TryParse(fields[0], out var listed) && listed.Equals(address))
                {
                    return fields[1..];
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return null;
    }
}
