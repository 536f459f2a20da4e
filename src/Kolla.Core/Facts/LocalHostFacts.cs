namespace Kolla.Facts;

/// <summary>Reads this machine's facts in process, with the values Ansible's <c>setup</c> module reports here.</summary>
/// <remarks>
/// Reads <c>/proc</c>, <c>/sys/class/net</c>, <c>/etc</c> release files, the kernel's routing netlink (the source
/// <c>ip</c> reads) and the resolver; starts no process. Linux only.
/// </remarks>
public static class LocalHostFacts
{
    /// <summary>Reads the facts of this machine.</summary>
    /// <param name="host">The inventory name to give the facts.</param>
    /// <param name="cancellationToken">Cancels the name lookups.</param>
    /// <returns>The facts.</returns>
    /// <exception cref="FactsException">This is not Linux, or the kernel refused a netlink query.</exception>
    public static async Task<HostFacts> ReadAsync(string host, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        if (!OperatingSystem.IsLinux())
        {
            throw new FactsException($"{host}: facts can only be read on Linux");
        }

        FactsSource source;
        try
        {
            source = await LocalSource.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (FactsException e)
        {
            throw new FactsException($"{host}: {e.Message}", e);
        }

        return FactsBuilder.Build(host, source);
    }
}
