namespace Kolla.Ssh;

/// <summary>Privilege escalation with <c>sudo -n</c> (never prompts; sudo must allow the login user without a password).</summary>
/// <param name="Enabled">Whether commands run through sudo.</param>
/// <param name="User">Target user (<c>ansible_become_user</c>); null or <c>root</c> for root.</param>
internal sealed record Become(bool Enabled, string? User = null)
{
    public static Become None { get; } = new(false);

    /// <summary><c>sudo -n </c> (with <c>-u user</c> for a non-root target user).</summary>
    public static string SudoPrefix(string? user) =>
        user is null or "root" ? "sudo -n " : "sudo -n -u " + ShellQuote.Quote(user) + " ";

    /// <summary>The command line that runs the POSIX shell <paramref name="script"/> on the target, escalated when enabled.</summary>
    public string Wrap(string script) =>
        Enabled ? SudoPrefix(User) + "sh -c " + ShellQuote.Quote(script) : script;
}
