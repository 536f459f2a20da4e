namespace Kolla.Planning;

/// <summary>One file the plan puts on a host.</summary>
/// <param name="Path">Absolute path on the target host.</param>
/// <param name="Content">Exact bytes.</param>
/// <param name="Mode">Permission bits (e.g. 0660 octal).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of <paramref name="Content"/>.</param>
public sealed record PlannedFile(string Path, ReadOnlyMemory<byte> Content, int Mode, string Sha256)
{
    /// <summary>Creates a planned file from bytes, hashing them.</summary>
    public static PlannedFile Create(string path, byte[] content, int mode) =>
        new(path, content, mode, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)));
}
