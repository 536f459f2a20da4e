namespace Kolla.Hosts;

/// <summary>The observed state of one file on a host.</summary>
/// <param name="Path">Absolute path.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the content.</param>
/// <param name="Mode">Permission bits, e.g. 0660 (octal).</param>
/// <param name="Owner">Owning user name (or numeric id as text when unknown).</param>
/// <param name="Group">Owning group name (or numeric id as text when unknown).</param>
public sealed record HostFileState(string Path, string Sha256, int Mode, string Owner, string Group);
