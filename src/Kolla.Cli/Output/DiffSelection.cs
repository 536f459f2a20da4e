namespace Kolla.Cli.Output;

/// <summary>How a plan is shown: chosen by its length, every change with diffs, or every change without.</summary>
internal enum DiffMode
{
    /// <summary>Every change with its diff when that fits in <see cref="ChangesPrinter.MaxDetailLines"/> lines, else a per-host summary.</summary>
    Auto,

    /// <summary>Every change, with the diffs of the files <see cref="DiffSelection.Files"/> selects (<c>--diff</c>).</summary>
    Full,

    /// <summary>Every change, no diff (<c>--no-diff</c>).</summary>
    None,
}

/// <summary>What <c>--diff [GLOB]</c> and <c>--no-diff</c> asked for.</summary>
/// <param name="Mode">Summary or full listing.</param>
/// <param name="Files">With <see cref="DiffMode.Full"/>: only these files' diffs (empty: every file's).</param>
internal sealed record DiffSelection(DiffMode Mode, IReadOnlyList<PathGlob> Files)
{
    public static DiffSelection Auto { get; } = new(DiffMode.Auto, []);

    public static DiffSelection All { get; } = new(DiffMode.Full, []);

    public static DiffSelection None { get; } = new(DiffMode.None, []);

    /// <summary>True when the listing shows this file's diff.</summary>
    public bool ShowsDiffOf(string path) => Mode != DiffMode.None && (Files.Count == 0 || Files.Any(f => f.Matches(path)));
}
