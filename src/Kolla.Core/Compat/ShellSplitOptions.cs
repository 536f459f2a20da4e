namespace Kolla.Compat;

/// <summary>How <see cref="ShellWords"/> splits, by what each caller imitates.</summary>
[Flags]
internal enum ShellSplitOptions
{
    /// <summary><c>shlex.split(text)</c>: no comments, errors on an unterminated quote or escape.</summary>
    None = 0,

    /// <summary><c>#</c> outside quotes starts a comment to the end of the line (<c>comments=True</c>, shlex's default lexer).</summary>
    Comments = 1,

    /// <summary>The end of the text closes an open quote and drops a trailing backslash outside quotes, instead of failing.</summary>
    Lenient = 2,

    /// <summary>Any Unicode whitespace separates words, not only shlex's space, tab, CR and LF.</summary>
    UnicodeWhitespace = 4,
}
