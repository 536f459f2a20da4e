namespace Kolla.Passwords;

/// <summary>A passwords file cannot be read or written.</summary>
/// <remarks>The message is one line, <c>FILE:LINE: reason</c> (or <c>FILE: reason</c>), ready to print.</remarks>
public sealed class PasswordsException : LocatedKollaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The passwords file.</param>
    /// <param name="line">1-based line, or 0 when the problem has no line.</param>
    /// <param name="reason">What is wrong.</param>
    public PasswordsException(string file, int line, string reason)
        : base(file, line, reason)
    {
        File = file;
    }

    /// <summary>The passwords file.</summary>
    public string File { get; }
}
