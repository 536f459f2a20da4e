using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Kolla.Ssh;

/// <summary>
/// The one remote command a connection starts as soon as it is up, so that a host costs one login shell (sshd runs every
/// exec request through the user's shell, and a busy <c>.bashrc</c> makes that the largest part of a no-op run). In that
/// one command: the Docker endpoint the target's docker CLI would use, the facts script, and the state of a directory
/// tree; then, when the host may need Docker, it waits for one line on stdin: <c>dial</c> turns it into the first
/// <c>docker system dial-stdio</c> connection (for when sshd will not open the engine's socket itself), anything else
/// ends it.
/// </summary>
/// <remarks>
/// <para>The command line is, in the login user's shell,
/// <c>printf 'ENDPOINT-MARKER %s\n' ENDPOINT >&amp;2; printf 'MARKER\n' >&amp;2; { FACTS; printf FACTS-MARKER; TREE; } &lt;/dev/null 3>&amp;2 1>&amp;3 2>/dev/null;
/// printf '\nMARKER %d\n' STATUS >&amp;2; read line; case $line in dial) exec docker system dial-stdio;; esac</c>: everything
/// reported arrives on the channel's stderr between per-connection markers, and stdout stays free for Docker's byte stream.
/// The endpoint is the docker CLI's own choice (<c>DOCKER_HOST</c>, else <c>/var/run/docker.sock</c> unless a docker
/// context is selected, in which case it is reported as unknown); with become, only a <c>DOCKER_HOST</c> that sudo's
/// dial-stdio would pass on counts, since root's own docker configuration cannot be read without sudo.</para>
/// <para>Each result is taken once (<see cref="TakeAsync"/>, <see cref="TakeFactsAsync"/>); a result that cannot be trusted
/// (no marker, non-zero status, the command failed) is null, and the caller's own read then reports the real problem.</para>
/// </remarks>
internal sealed class LoginReadAhead : IDisposable
{
    private const int Undecided = 0, Dialled = 1, Released = 2;
    private static readonly byte[] s_dial = "dial\n"u8.ToArray();
    private static readonly byte[] s_done = "done\n"u8.ToArray();

    private readonly TaskCompletionSource<byte[]?> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string?> _endpoint = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _marker = "kolla-tree-end-" + RandomNumberGenerator.GetHexString(16, lowercase: true);
    private readonly string _factsMarker = "kolla-facts-end-" + RandomNumberGenerator.GetHexString(16, lowercase: true);
    private readonly string _endpointMarker = "kolla-docker-endpoint-" + RandomNumberGenerator.GetHexString(16, lowercase: true);
    private readonly bool _withFacts;
    private readonly bool _withEndpoint;
    private readonly string? _dialCommand;
    private Task<SshExecStream?> _stream = Task.FromResult<SshExecStream?>(null);
    private int _decision;
    private int _treeTaken;
    private int _disposed;

    private LoginReadAhead(string? directory, Become become, bool withFacts, string? dialCommand, bool withEndpoint)
    {
        Directory = directory;
        _withFacts = withFacts;
        _dialCommand = dialCommand;
        _withEndpoint = withEndpoint && dialCommand is not null;
        var tree = directory is null ? ":" : become.Wrap(TreeState.BuildScript(directory));
        // The facts come first, ended by their own marker line; the tree's status is the one reported.
        var script = withFacts ? $"{{ {Kolla.Facts.RemoteFactsScript.Script}\n}}; printf '\\n%s\\n' {_factsMarker}; {tree}" : tree;
        var endpoint = _withEndpoint ? EndpointScript(become) + $"printf '%s %s\\n' {_endpointMarker} \"$kolla_e\" >&2; " : string.Empty;
        var gate = dialCommand is null ? string.Empty : $" IFS= read -r kolla_next || exit 0; case $kolla_next in dial) {dialCommand};; esac";
        Command = $"{endpoint}printf '%s\\n' {_marker} >&2; {{ {script}\n}} </dev/null 3>&2 1>&3 2>/dev/null; printf '\\n%s %d\\n' {_marker} \"$?\" >&2;{gate}";
    }

    /// <summary>The directory whose state this reads (normalized), or null.</summary>
    public string? Directory { get; }

    /// <summary>The remote command line.</summary>
    public string Command { get; }

    /// <summary>
    /// The read-ahead a connection should start, or null when it has nothing to do.
    /// </summary>
    /// <param name="directory">Directory whose tree state to read (run through sudo when <paramref name="become"/> is on); ignored unless absolute.</param>
    /// <param name="become">sudo settings.</param>
    /// <param name="withFacts">Whether to run the facts script.</param>
    /// <param name="dialCommand">The dial-stdio command this may turn into when the host may need Docker; null when it does not.</param>
    /// <param name="withEndpoint">Whether to report the docker CLI's endpoint (only with <paramref name="dialCommand"/>).</param>
    public static LoginReadAhead? For(string? directory, Become become, bool withFacts, string? dialCommand, bool withEndpoint)
    {
        var normalized = directory is { Length: > 0 } && directory[0] == '/' ? SshHostFiles.NormalizeDirectory(directory) : null;
        return normalized is null && !withFacts && !(withEndpoint && dialCommand is not null)
            ? null
            : new LoginReadAhead(normalized, become, withFacts, dialCommand, withEndpoint);
    }

    /// <summary>Starts the command in an exec channel of <paramref name="client"/>, in the background (opening a channel waits for the server).</summary>
    public void Start(SshClient client) => _stream = Task.Run(() => StartCore(client));

    /// <summary>
    /// The endpoint the target's docker CLI would use, as it would print it (e.g. <c>unix:///var/run/docker.sock</c>); null
    /// when this does not report it, the CLI would use a docker context, or the command failed. Waits at most <paramref name="timeout"/>.
    /// </summary>
    public async Task<string?> EndpointAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!_withEndpoint)
        {
            return null;
        }

        try
        {
            return await _endpoint.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>
    /// Turns the command into a dial-stdio connection and hands its stream over (the caller owns it then); null when it
    /// cannot be (no dial part, already decided, or it failed to start), and the caller starts dial-stdio itself.
    /// </summary>
    public async Task<SshExecStream?> TakeForDialAsync()
    {
        if (_dialCommand is null || Interlocked.CompareExchange(ref _decision, Dialled, Undecided) != Undecided)
        {
            return null;
        }

        if (await _stream.ConfigureAwait(false) is not { } stream)
        {
            return null;
        }

        try
        {
            await stream.WriteAsync(s_dial).ConfigureAwait(false);
            return stream;
        }
        catch (IOException)
        {
            stream.Dispose();
            return null;
        }
    }

    /// <summary>Docker needs no dial-stdio from this command: it ends once its results are out.</summary>
    public void Release()
    {
        if (_dialCommand is null || Interlocked.CompareExchange(ref _decision, Released, Undecided) != Undecided)
        {
            return;
        }

        _ = _stream.ContinueWith(
            static t =>
            {
                try
                {
                    t.Result?.Write(s_done, 0, s_done.Length);
                }
                catch (IOException)
                {
                    // It is gone already.
                }
            },
            CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    /// <summary>
    /// The facts script's output when this carries it and it ran; null when the caller must run the script itself.
    /// Waits at most <paramref name="timeout"/>.
    /// </summary>
    public async Task<byte[]?> TakeFactsAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!_withFacts)
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

    /// <summary>
    /// The tree-state script's stdout for <paramref name="directory"/> when this read it and it succeeded, the first time
    /// only; null when the caller must read for itself. Waits at most <paramref name="timeout"/>.
    /// </summary>
    public async Task<byte[]?> TakeAsync(string directory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (Directory is null || !string.Equals(directory, Directory, StringComparison.Ordinal) || Interlocked.Exchange(ref _treeTaken, 1) != 0)
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

    /// <summary>Ends the command unless it was handed over as a Docker connection.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Interlocked.CompareExchange(ref _decision, Released, Undecided);
        _endpoint.TrySetResult(null);
        _result.TrySetResult(null);
        if (Volatile.Read(ref _decision) == Dialled)
        {
            return;
        }

        if (_stream.IsCompletedSuccessfully)
        {
            _stream.Result?.Dispose();
        }
        else
        {
            _ = _stream.ContinueWith(static t => t.Result?.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Sets <c>kolla_e</c> to the endpoint the docker CLI would use. Without become: <c>DOCKER_HOST</c>, else empty when
    /// <c>DOCKER_CONTEXT</c> or the config file's <c>currentContext</c> selects a context, else the default socket. With
    /// become, the dial-stdio command passes only the login user's <c>DOCKER_HOST</c> on, so that alone counts.
    /// </summary>
    private static string EndpointScript(Become become) => become.Enabled
        ? "kolla_e=${DOCKER_HOST-}; "
        : "kolla_e=; if [ -n \"${DOCKER_HOST-}\" ]; then kolla_e=$DOCKER_HOST; "
            + "elif [ -z \"${DOCKER_CONTEXT-}\" ] || [ \"$DOCKER_CONTEXT\" = default ]; then kolla_e=unix:///var/run/docker.sock; "
            + "kolla_c=${DOCKER_CONFIG:-$HOME/.docker}/config.json; if [ -f \"$kolla_c\" ]; then "
            + "while IFS= read -r kolla_l || [ -n \"$kolla_l\" ]; do case $kolla_l in "
            + "*'\"currentContext\":\"\"'*|*'\"currentContext\": \"\"'*) ;; *'\"currentContext\"'*) kolla_e= ;; esac; done <\"$kolla_c\"; fi; fi; ";

    private SshExecStream? StartCore(SshClient client)
    {
        try
        {
            var stream = SshExecStream.Start(client, Command, _dialCommand ?? "the connect-time read-ahead");
            var reader = new Thread(() => ReadFrom(stream.Errors)) { IsBackground = true, Name = "kolla-ssh-login-read-ahead" };
            reader.Start();
            if (Volatile.Read(ref _disposed) != 0 && Volatile.Read(ref _decision) != Dialled)
            {
                stream.Dispose();
                return null;
            }

            return stream;
        }
        catch (Exception ex) when (ex is SshException or ObjectDisposedException or InvalidOperationException or SocketException or IOException)
        {
            // Nothing will arrive; every taker reads for itself, and Docker dials on its own.
            _endpoint.TrySetResult(null);
            _result.TrySetResult(null);
            return null;
        }
    }

    private (byte[]? Facts, byte[]? Tree) Split(byte[] output)
    {
        if (!_withFacts)
        {
            return (null, output);
        }

        var separator = Encoding.ASCII.GetBytes("\n" + _factsMarker + "\n");
        var at = output.AsSpan().IndexOf(separator);
        return at < 0 ? (null, null) : (output[..at], output[(at + separator.Length)..]);
    }

    /// <summary>Reads the endpoint line and the script's output from the channel's stderr (blocking; on its own thread), then stops.</summary>
    internal void ReadFrom(Stream errors)
    {
        try
        {
            var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            var endpointPrefix = Encoding.ASCII.GetBytes(_endpointMarker + " ");
            var begin = Encoding.ASCII.GetBytes(_marker + "\n");
            var end = Encoding.ASCII.GetBytes("\n" + _marker + " ");
            int read;
            while ((read = errors.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                var text = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
                if (_withEndpoint && !_endpoint.Task.IsCompleted && TryParseLine(text, endpointPrefix, out var endpoint))
                {
                    _endpoint.TrySetResult(endpoint.Length == 0 ? null : endpoint);
                }

                if (TryParse(text, begin, end, out var output))
                {
                    _result.TrySetResult(output);
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or SshException)
        {
            // The channel failed; the callers' own reads report why.
        }
        finally
        {
            _endpoint.TrySetResult(null);
            _result.TrySetResult(null);
        }
    }

    /// <summary>True once a complete line <c>PREFIX value\n</c> is in <paramref name="text"/>.</summary>
    private static bool TryParseLine(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix, out string value)
    {
        value = string.Empty;
        var start = text.IndexOf(prefix);
        if (start < 0)
        {
            return false;
        }

        var rest = text[(start + prefix.Length)..];
        var newline = rest.IndexOf((byte)'\n');
        if (newline < 0)
        {
            return false;
        }

        value = Encoding.UTF8.GetString(rest[..newline]).Trim();
        return true;
    }

    /// <summary>
    /// True once <c>\nMARKER STATUS\n</c> is complete; <paramref name="output"/> is everything between <c>MARKER\n</c>
    /// and it when STATUS is 0, else null. Whatever precedes the first marker (sshd's own notices, such as a missing home
    /// directory, and the endpoint line) is skipped.
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
