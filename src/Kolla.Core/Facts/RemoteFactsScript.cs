namespace Kolla.Facts;

/// <summary>
/// Gathers a remote host's facts with one shell script: run <see cref="Script"/> there (any POSIX sh: dash, bash,
/// busybox), hand its standard output to <see cref="Parse"/>, and get the facts <see cref="LocalHostFacts"/> would
/// read on that host, which are the values Ansible's <c>setup</c> module reports.
/// </summary>
/// <example>
/// <code>
/// var result = await connection.RunAsync(["sh", "-c", RemoteFactsScript.Script], cancellationToken);
/// HostFacts facts = RemoteFactsScript.Parse(host.Name, result.StandardOutput);
/// </code>
/// </example>
public static class RemoteFactsScript
{
    /// <summary>
    /// Gets the POSIX sh script. It uses <c>uname</c>, <c>ip</c> (iproute2 or busybox), <c>getent</c>, <c>grep</c>,
    /// <c>sed</c>, <c>find</c> and <c>ls</c>, prints a few kilobytes, exits 0, and skips what the host lacks (a missing
    /// <c>/etc/os-release</c>, no IPv6, no <c>getent</c>).
    /// </summary>
    public static string Script => FactsScriptText.Text;

    /// <summary>Parses the standard output of <see cref="Script"/> into facts.</summary>
    /// <param name="host">The inventory name of the host, for the facts and for error messages.</param>
    /// <param name="output">The script's standard output.</param>
    /// <returns>The facts.</returns>
    /// <exception cref="FactsException">The output is not the script's (cut short, or something else printed); the message names the host.</exception>
    public static HostFacts Parse(string host, ReadOnlySpan<byte> output)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        return FactsBuilder.Build(host, ScriptOutput.Read(host, output));
    }
}
