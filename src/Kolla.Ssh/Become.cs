using System.Text;

namespace Kolla.Ssh;

/// <summary>Privilege escalation with sudo: <c>sudo -n</c> (never prompts), or with a become password <c>sudo -k -S -p ''</c>
/// reading the password as the first line of the command's standard input.</summary>
/// <param name="Enabled">Whether commands run through sudo.</param>
/// <param name="User">Target user (<c>ansible_become_user</c>); null or <c>root</c> for root.</param>
/// <remarks>With <c>-S</c> sudo reads the password one byte at a time up to the newline, so the rest of the input is the
/// command's; <c>-k</c> makes sudo ask (and read that line) on every call rather than trust a cached credential.</remarks>
internal sealed record Become(bool Enabled, string? User = null)
{
    public static Become None { get; } = new(false);

    /// <summary>The password sudo is given (<c>ansible_become_password</c>); null when sudo must not ask for one.</summary>
    public string? Password { get; init; }

    /// <summary>Whether commands start by reading <see cref="PasswordLine"/> from their input.</summary>
    public bool ReadsPassword => Enabled && Password is not null;

    /// <summary>The password and a newline, as the first bytes of every escalated command's input.</summary>
    public byte[] PasswordLine => Encoding.UTF8.GetBytes((Password ?? string.Empty) + "\n");

    /// <summary><c>sudo -n </c> (with <c>-u user</c> for a non-root target user); <c>sudo -k -S -p '' </c> with a password.</summary>
    public static string SudoPrefix(string? user, bool withPassword = false) =>
        (withPassword ? "sudo -k -S -p '' " : "sudo -n ") + (user is null or "root" ? string.Empty : "-u " + ShellQuote.Quote(user) + " ");

    /// <summary>The command line that runs the POSIX shell <paramref name="script"/> on the target, escalated when enabled.</summary>
    public string Wrap(string script) =>
        Enabled ? SudoPrefix(User, ReadsPassword) + "sh -c " + ShellQuote.Quote(script) : script;

    private bool PrintMembers(StringBuilder builder)
    {
        // The password never reaches a log line or a message.
        builder.Append("Enabled = ").Append(Enabled).Append(", User = ").Append(User).Append(", Password = ").Append(Password is null ? "none" : "********");
        return true;
    }
}
