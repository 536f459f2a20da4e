using System.Security.Cryptography;
using System.Text;
using Kolla.Hosts;

namespace Kolla.Ssh;

/// <summary>
/// One POSIX shell script that applies a <see cref="HostFileBatch"/>, with every file's content on stdin one after the
/// other: per file a temporary name beside the target, created under a umask that gives it its final permission bits
/// (so it is never readable by others), filled with exactly its byte count (<c>head -c</c>), checked to be whole, given
/// its owner (and an explicit mode where a umask cannot express it), and renamed over the target. A failure stops the
/// script and removes the temporary file. Costs about two processes per file instead of a remote command each.
/// </summary>
/// <remarks>
/// Each file's content is followed on stdin by the line <see cref="EndOfFile"/>, read back with the shell's own
/// <c>read</c> before the rename: when the input ends early (the connection was cut, or kolla was killed, while the
/// command lives on) <c>head</c> writes a short file and succeeds, but the missing line stops the script, so a file cut
/// short is never renamed into place.
/// </remarks>
internal static class FileBatchScript
{
    /// <summary>The line that follows each file's content on stdin.</summary>
    public const string EndOfFile = "kolla-end-of-file";

    public static (string Script, ReadOnlyMemory<byte> Input) Build(HostFileBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var script = new StringBuilder("set -eC; ");
        foreach (var directory in batch.Directories)
        {
            var d = ShellQuote.Quote(directory.Path);
            script.Append("mkdir -p -- ").Append(d).Append("; ");
            if (TreeState.FormatOwner(directory.Mode) is { } owner)
            {
                script.Append("chown -- ").Append(ShellQuote.Quote(owner)).Append(' ').Append(d).Append("; ");
            }

            script.Append("chmod -- ").Append(TreeState.FormatMode(directory.Mode.Mode)).Append(' ').Append(d).Append("; ");
        }

        var input = new MemoryStream();
        if (batch.Writes.Count > 0)
        {
            var ensured = batch.Directories.Select(d => d.Path.TrimEnd('/')).ToHashSet(StringComparer.Ordinal);
            script.Append("t=; trap 'rm -f -- \"$t\"' EXIT; ");
            foreach (var write in batch.Writes)
            {
                var slash = write.Path.LastIndexOf('/');
                var parent = slash <= 0 ? "/" : write.Path[..slash];
                if (ensured.Add(parent))
                {
                    script.Append("[ -d ").Append(ShellQuote.Quote(parent)).Append(" ] || mkdir -p -- ").Append(ShellQuote.Quote(parent)).Append("; ");
                }

                var name = write.Path[(slash + 1)..];
                var temp = parent.TrimEnd('/') + "/." + (name.Length > 200 ? name[..200] : name) + ".kolla-" + RandomNumberGenerator.GetHexString(8, lowercase: true);
                var owner = TreeState.FormatOwner(write.Mode);
                var explicitMode = owner is not null || (write.Mode.Mode & ~0x1B6) != 0; // x or set-id bits: not reachable by umask alone
                script.Append("t=").Append(ShellQuote.Quote(temp)).Append("; umask ")
                    .Append(explicitMode ? "077" : TreeState.FormatMode(~write.Mode.Mode & 0x1FF)).Append("; ")
                    .Append(write.Content.IsEmpty ? ":" : $"head -c {write.Content.Length}").Append(" > \"$t\"; ")
                    .Append("IFS= read -r e; [ \"$e\" = ").Append(EndOfFile).Append(" ]; ");
                if (owner is not null)
                {
                    script.Append("chown -- ").Append(ShellQuote.Quote(owner)).Append(" \"$t\"; ");
                }

                if (explicitMode)
                {
                    script.Append("chmod -- ").Append(TreeState.FormatMode(write.Mode.Mode)).Append(" \"$t\"; ");
                }

                script.Append("mv -f -- \"$t\" ").Append(ShellQuote.Quote(write.Path)).Append("; ");
                input.Write(write.Content.Span);
                input.Write(Encoding.ASCII.GetBytes(EndOfFile + "\n"));
            }

            script.Append("t=; trap - EXIT; ");
        }

        if (batch.Deletes.Count > 0)
        {
            script.Append("rm -f --");
            foreach (var path in batch.Deletes)
            {
                script.Append(' ').Append(ShellQuote.Quote(path));
            }

            script.Append("; ");
        }

        script.Append(':');
        return (script.ToString(), input.ToArray());
    }
}
