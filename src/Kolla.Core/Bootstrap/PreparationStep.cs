using System.Text;
using Kolla.Changes;

namespace Kolla.Bootstrap;

/// <summary>One change <c>kolla bootstrap-servers</c> makes (or, in a dry run, would make) to a host.</summary>
/// <param name="Kind">What it acts on.</param>
/// <param name="Description">One line saying what it does.</param>
public sealed record PreparationStep(PreparationStepKind Kind, string Description)
{
    /// <summary>For a file: the unified diff from the current content (or from nothing) to the new; null for other steps or when only mode or owner change.</summary>
    public string? Diff => Content is null || (Current is not null && Current.AsSpan().SequenceEqual(Content))
        ? null
        : UnifiedDiff.Create(Path!, Current is null ? null : Encoding.UTF8.GetString(Current), Encoding.UTF8.GetString(Content));

    /// <summary>The file or directory the step writes.</summary>
    internal string? Path { get; init; }

    /// <summary>A file's new content.</summary>
    internal byte[]? Content { get; init; }

    /// <summary>A file's current content, null when it does not exist.</summary>
    internal byte[]? Current { get; init; }

    /// <summary>Mode and owner of the file or directory.</summary>
    internal Hosts.HostFileMode? Mode { get; init; }

    /// <summary>The shell script that makes the change (packages, accounts, services).</summary>
    internal string? Script { get; init; }
}
