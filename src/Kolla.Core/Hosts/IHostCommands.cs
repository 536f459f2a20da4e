namespace Kolla.Hosts;

/// <summary>
/// A host connection that can run shell commands, as root (the connection's privilege escalation applies). Implemented
/// by the SSH and local executors' connections; <c>kolla bootstrap-servers</c> prepares hosts through it.
/// </summary>
public interface IHostCommands
{
    /// <summary>Runs a POSIX <c>sh</c> script on the host and returns its exit status and output; a non-zero status is not an exception.</summary>
    /// <param name="script">The script text.</param>
    /// <param name="timeout">The longest the command may run (package installs take minutes).</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The exit status, standard output and standard error.</returns>
    /// <exception cref="HostUnreachableException">The host cannot be reached, or the command outlived <paramref name="timeout"/>.</exception>
    Task<HostCommandResult> RunScriptAsync(string script, TimeSpan timeout, CancellationToken cancellationToken = default);
}
