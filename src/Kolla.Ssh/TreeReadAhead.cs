using System.Security.Cryptography;
using System.Text;

namespace Kolla.Ssh;

/// <summary>
/// Reads a directory's file state in the same remote command as the first Docker API connection, so a host costs one
/// login shell instead of two (sshd runs every exec request through the user's shell, and a busy <c>.bashrc</c> makes
/// that the largest part of a no-op run). The first <c>docker system dial-stdio</c> channel runs
/// <c>{ TREE-SCRIPT; } (stdout to stderr); printf MARKER STATUS; exec docker system dial-stdio</c>; the script's output
/// arrives on the channel's stderr ahead of a per-connection marker, while stdout stays Docker's byte stream.
/// </summary>
/// <remarks>
/// Built by the first dial-stdio connection that wants it (<see cref="SshDockerHandlerFactory"/>), never when Docker goes
/// through sshd's socket channel: no shell starts then to carry it. Whoever comes first decides: a Docker connection that
/// <see cref="TryAttach"/>es carries the script, and a later <see cref="TakeAsync"/> for the same directory gets its
/// result; a <see cref="TakeAsync"/> before any Docker connection (or for another directory, or a second time) gets null
/// and reads the usual way. A result that cannot be trusted (no marker, non-zero status, the stream ended) is also null,
/// and the caller's own read then reports the real problem.
/// </remarks>
internal sealed class TreeReadAhead
{
    private const int Pending = 0, Attached = 1, Declined = 2, Taken = 3;

    private readonly TaskCompletionSource<byte[]?> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _marker = "kolla-tree-end-" + RandomNumberGenerator.GetHexString(16, lowercase: true);
    private readonly string _factsMarker = "kolla-facts-end-" + RandomNumberGenerator.GetHexString(16, lowercase: true);
    private readonly string _script;
    private readonly bool _withFacts;
    private int _state;

    /// <summary>A read-ahead of <paramref name="directory"/> (run through sudo when <paramref name="become"/> is on), with the facts script first when <paramref name="withFacts"/>.</summary>
    /// <param name="directory">An absolute directory, normalized (<see cref="DirectoryOf"/>).</param>
    /// <param name="become">sudo settings for the tree script.</param>
    /// <param name="withFacts">Whether the facts script rides along.</param>
    public TreeReadAhead(string directory, Become become, bool withFacts)
    {
        Directory = directory;
        _withFacts = withFacts;
        var tree = become.Wrap(TreeState.BuildScript(directory));
        // The facts come first, ended by their own marker line; the tree's status is the one reported.
        _script = withFacts ? $"{{ {Kolla.Facts.RemoteFactsScript.Script}\n}}; printf '\\n%s\\n' {_factsMarker}; {tree}" : tree;
    }

    public string Directory { get; }

    /// <summary>The directory a read-ahead of <paramref name="directory"/> reads, normalized; null when none was asked for or the path is not absolute.</summary>
    public static string? DirectoryOf(string? directory) =>
        directory is { Length: > 0 } && directory[0] == '/' ? SshHostFiles.NormalizeDirectory(directory) : null;

    /// <summary>
    /// The facts script's output when this read-ahead carries it and a Docker connection ran it; null when the caller must
    /// run the script itself (no Docker connection yet, or the read failed). Waits at most <paramref name="timeout"/>.
    /// </summary>
    public async Task<byte[]?> TakeFactsAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!_withFacts || Volatile.Read(ref _state) is Pending or Declined)
        {
            return null;
        }

        try
        {
            var output = await _result.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return output is null ? null : Split(output).Facts;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private (byte[]? Facts, byte[]? Tree) Split(byte[] output)
    {
        if (!_withFacts)
        {
            return (null, output);
        }

        var separator = System.Text.Encoding.ASCII.GetBytes("\n" + _factsMarker + "\n");
        var at = output.AsSpan().IndexOf(separator);
        return at < 0 ? (null, null) : (output[..at], output[(at + separator.Length)..]);
    }

    /// <summary>The command line to run instead of <paramref name="dialCommand"/> when this is the first connection; null otherwise.</summary>
    public string? TryAttach(string dialCommand) =>
        Interlocked.CompareExchange(ref _state, Attached, Pending) == Pending
            ? $"printf '%s\\n' {_marker} >&2; {{ {_script}\n}} 3>&2 1>&3 2>/dev/null; printf '\\n%s %d\\n' {_marker} \"$?\" >&2; {dialCommand}"
            : null;

    /// <summary>Reads the script's output from the channel's stderr (blocking; run it on its own thread), then stops.</summary>
    public void ReadFrom(Stream errors)
    {
        try
        {
            var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            var begin = Encoding.ASCII.GetBytes(_marker + "\n");
            var end = Encoding.ASCII.GetBytes("\n" + _marker + " ");
            int read;
            while ((read = errors.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (TryParse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), begin, end, out var output))
                {
                    _result.TrySetResult(output);
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or Renci.SshNet.Common.SshException)
        {
            // The channel failed; the caller's own read reports why.
        }

        _result.TrySetResult(null);
    }

    /// <summary>The connection could not be opened: nothing will arrive.</summary>
    public void Abandon() => _result.TrySetResult(null);

    /// <summary>
    /// The script's stdout when a Docker connection carried it for <paramref name="directory"/> and it succeeded; null when
    /// the caller must read for itself. Waits at most <paramref name="timeout"/>.
    /// </summary>
    public async Task<byte[]?> TakeAsync(string directory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!string.Equals(directory, Directory, StringComparison.Ordinal))
        {
            return null;
        }

        if (Interlocked.CompareExchange(ref _state, Declined, Pending) == Pending
            || Interlocked.CompareExchange(ref _state, Taken, Attached) != Attached)
        {
            return null;
        }

        try
        {
            var output = await _result.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return output is null ? null : Split(output).Tree;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>
    /// True once <c>\nMARKER STATUS\n</c> is complete; <paramref name="output"/> is everything between <c>MARKER\n</c>
    /// and it when STATUS is 0, else null. Whatever precedes the first marker (sshd's own notices, such as a missing home
    /// directory) is skipped.
    /// </summary>
    private static bool TryParse(ReadOnlySpan<byte> text, ReadOnlySpan<byte> begin, ReadOnlySpan<byte> end, out byte[]? output)
    {
        output = null;
        var start = text.IndexOf(begin);
        if (start < 0)
        {
            return false;
        }

        text = text[(start + begin.Length)..];
        var at = text.IndexOf(end);
        if (at < 0)
        {
            return false;
        }

        var rest = text[(at + end.Length)..];
        var newline = rest.IndexOf((byte)'\n');
        if (newline < 0)
        {
            return false;
        }

        if (rest[..newline].SequenceEqual("0"u8))
        {
            output = text[..at].ToArray();
        }

        return true;
    }
}
