namespace Kolla.Facts;

/// <summary>One address of one interface, as <c>ip addr show</c> prints it.</summary>
/// <param name="InterfaceIndex">The interface index (the number before the name in <c>ip -o addr show</c>).</param>
/// <param name="Text">The words from <c>inet</c>/<c>inet6</c> on, e.g. <c>inet 10.0.0.5/24 brd 10.0.0.255 scope global eth0</c>.</param>
internal sealed record AddressLine(int InterfaceIndex, string Text)
{
    /// <summary>Gets whether the kernel marks the address secondary (IPv4) or temporary (IPv6): <c>ip addr show primary</c> leaves it out.</summary>
    public bool IsSecondary
    {
        get
        {
            var words = Words;
            for (var i = 2; i < words.Length - (words[0] == "inet" ? 1 : 0); i++)
            {
                if (words[i] is "secondary" or "temporary")
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Gets the whitespace-separated words.</summary>
    public string[] Words => Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
