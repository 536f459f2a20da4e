namespace Kolla.Inventory;

/// <summary>
/// An inventory (or a host pattern, or a vars file beside it) that cannot be read the way
/// ansible-core 2.14 reads it: bad host range, <c>key=value</c> expected, unknown section kind,
/// a child group that is never defined, a group cycle, a YAML error, a pattern that matches nothing.
/// </summary>
/// <remarks>
/// <see cref="Exception.Message"/> is one line, <c>FILE:LINE: message</c> when the line is known
/// (the same shape as ansible's INI plugin errors), so the CLI can print it unchanged.
/// </remarks>
public sealed class InventoryException : KollaException
{
    /// <summary>Creates the error for a position in a file.</summary>
    /// <param name="file">The file that holds the problem, or null when it is not about a file (a host pattern).</param>
    /// <param name="line">The 1-based line, or null when unknown.</param>
    /// <param name="reason">What is wrong, without the file prefix.</param>
    public InventoryException(string? file, int? line, string reason)
        : base(Locate(file, line, reason))
    {
        File = file;
        Line = line;
        Reason = reason;
    }

    /// <summary>Creates the error for a position in a file, with the error that caused it.</summary>
    /// <param name="file">The file that holds the problem, or null when it is not about a file.</param>
    /// <param name="line">The 1-based line, or null when unknown.</param>
    /// <param name="reason">What is wrong, without the file prefix.</param>
    /// <param name="innerException">The underlying error (a YAML parser error, an I/O error).</param>
    public InventoryException(string? file, int? line, string reason, Exception? innerException)
        : base(Locate(file, line, reason), innerException)
    {
        File = file;
        Line = line;
        Reason = reason;
    }

    /// <summary>The file that holds the problem, or null (host patterns).</summary>
    public string? File { get; }

    /// <summary>The 1-based line in <see cref="File"/>, or null when unknown.</summary>
    public int? Line { get; }

    /// <summary>The message without the <c>FILE:LINE:</c> prefix.</summary>
    public string Reason { get; }
}
