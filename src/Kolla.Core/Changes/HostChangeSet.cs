namespace Kolla.Changes;

/// <summary>The changes a converge would make on one host, with the current content of every file it would change (for diffs).</summary>
/// <param name="Host">Inventory name.</param>
/// <param name="Changes">Changes in the order they would run.</param>
/// <param name="CurrentFiles">Current bytes of changed files, by path (absent = the file does not exist).</param>
/// <param name="Error">Why the host could not be read, if it could not.</param>
public sealed record HostChangeSet(string Host, IReadOnlyList<HostChange> Changes, IReadOnlyDictionary<string, byte[]> CurrentFiles, string? Error = null);
