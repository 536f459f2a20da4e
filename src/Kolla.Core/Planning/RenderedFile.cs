using System.Text;

namespace Kolla.Planning;

/// <summary>A rendered file's bytes and their hash, shared by every host that gets the same file.</summary>
internal sealed record RenderedFile(byte[] Content, string Sha256)
{
    public static RenderedFile Of(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new RenderedFile(bytes, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
    }

    /// <summary>This content as a file of one host.</summary>
    public PlannedFile At(string path, int mode) => new(path, Content, mode, Sha256);
}
