namespace Kolla.Images;

/// <summary>An image tree or build request is wrong: names the Dockerfile (or option) and line.</summary>
public sealed class ImageBuildException : KollaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The Dockerfile template, tree file or option at fault (null when none).</param>
    /// <param name="line">1-based line, or 0 when unknown.</param>
    /// <param name="reason">What is wrong.</param>
    public ImageBuildException(string? file, int line, string reason)
        : base(Locate(file, line, reason))
    {
        File = file;
        Line = line;
        Reason = reason;
    }

    /// <summary>The file at fault, if any.</summary>
    public string? File { get; }

    /// <summary>1-based line, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }
}
