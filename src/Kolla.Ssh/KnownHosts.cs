using System.Globalization;

namespace Kolla.Ssh;

/// <summary>An OpenSSH <c>known_hosts</c> file: plain and hashed host entries, <c>@revoked</c> keys.</summary>
/// <remarks>
/// <para>
/// SSH.NET accepts every host key unless the caller checks it, and it has no known_hosts reader; this class is that
/// reader. It follows sshd(8)'s "SSH_KNOWN_HOSTS FILE FORMAT": comma-separated host patterns with <c>*</c>, <c>?</c>
/// and <c>!</c>, <c>[host]:port</c> names for ports other than 22, hashed names <c>|1|salt|hmac-sha1</c> written by
/// <c>ssh-keygen -H</c>, <c>@revoked</c> lines (refused), comments and blank lines. <c>@cert-authority</c> lines are
/// read but host certificates are not supported: they never make a key trusted.
/// </para>
/// <para>Keys are compared as whole blobs (type and key material), not by fingerprint. Malformed lines are skipped, as
/// ssh does, and listed in <see cref="Warnings"/>.</para>
/// <para>Counterpart of ssh's <c>StrictHostKeyChecking=yes</c> as Ansible uses it (<c>host_key_checking = True</c>).</para>
/// </remarks>
/// <example>
/// <code>
/// var knownHosts = await KnownHosts.LoadAsync("/root/.ssh/known_hosts", cancellationToken);
/// HostKeyVerification result = knownHosts.Verify("node1", 22, hostKeyBlob);
/// if (!result.IsTrusted) { throw new InvalidOperationException(result.Message); }
/// </code>
/// </example>
public sealed class KnownHosts
{
    private readonly IReadOnlyList<KnownHostsEntry> _entries;

    private KnownHosts(string source, bool exists, IReadOnlyList<KnownHostsEntry> entries, IReadOnlyList<string> warnings)
    {
        Source = source;
        Exists = exists;
        _entries = entries;
        Warnings = warnings;
    }

    /// <summary>The file path (or source name) the entries came from.</summary>
    public string Source { get; }

    /// <summary>False when the file did not exist (then no key is known).</summary>
    public bool Exists { get; }

    /// <summary>Number of usable lines (including <c>@revoked</c> and <c>@cert-authority</c> lines).</summary>
    public int Count => _entries.Count;

    /// <summary>Skipped lines, each as <c>FILE:LINE: reason</c>.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Parses known_hosts text.</summary>
    /// <param name="text">File content.</param>
    /// <param name="source">Name used in messages (normally the file path).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static KnownHosts Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return Parse(text, source, exists: true);
    }

    /// <summary>Reads a known_hosts file; a missing file gives an empty set (<see cref="Exists"/> false).</summary>
    /// <param name="path">File path; a leading <c>~/</c> means the current user's home directory.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static async Task<KnownHosts> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = HomePath.Expand(path);
        string text;
        try
        {
            text = await File.ReadAllTextAsync(fullPath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return new KnownHosts(fullPath, exists: false, [], []);
        }

        return Parse(text, fullPath, exists: true);
    }

    /// <summary>The name ssh looks up for a host: <c>host</c> on port 22, else <c>[host]:port</c>; lower case.</summary>
    /// <param name="host">Host name or address as connected to.</param>
    /// <param name="port">TCP port.</param>
    public static string GetLookupName(string host, int port)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        var name = host.ToLowerInvariant();
        return port == 22 ? name : string.Create(CultureInfo.InvariantCulture, $"[{name}]:{port}");
    }

    /// <summary>Formats a plain known_hosts line for a host key (as ssh writes with <c>HashKnownHosts no</c>).</summary>
    /// <param name="host">Host name or address as connected to.</param>
    /// <param name="port">TCP port.</param>
    /// <param name="hostKey">The key blob the server offered.</param>
    /// <exception cref="ArgumentException">The blob is not an SSH public key.</exception>
    public static string FormatLine(string host, int port, byte[] hostKey)
    {
        ArgumentNullException.ThrowIfNull(hostKey);
        var keyType = SshKeyBlob.TryGetKeyType(hostKey)
            ?? throw new ArgumentException("Not an SSH public key blob.", nameof(hostKey));
        return $"{GetLookupName(host, port)} {keyType} {Convert.ToBase64String(hostKey)}";
    }

    /// <summary>The key types listed (on unmarked lines) for a host, in file order; used to prefer those host key algorithms.</summary>
    /// <param name="host">Host name or address as connected to.</param>
    /// <param name="port">TCP port.</param>
    public IReadOnlyList<string> GetKnownKeyTypes(string host, int port)
    {
        var name = GetLookupName(host, port);
        return _entries
            .Where(e => e.Marker == KnownHostsMarker.None && e.MatchesHost(name))
            .Select(e => e.KeyType)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Checks the key a server offered for <paramref name="host"/>:<paramref name="port"/>.</summary>
    /// <param name="host">Host name or address as connected to (what ssh would be given on its command line).</param>
    /// <param name="port">TCP port.</param>
    /// <param name="hostKey">The full public key blob the server offered (SSH.NET's <c>HostKeyEventArgs.HostKey</c>).</param>
    /// <returns>Match, Mismatch (key changed), Revoked or Unknown, with a message naming this file and the deciding line.</returns>
    /// <exception cref="ArgumentException">The blob is not an SSH public key.</exception>
    public HostKeyVerification Verify(string host, int port, byte[] hostKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentNullException.ThrowIfNull(hostKey);
        var keyType = SshKeyBlob.TryGetKeyType(hostKey)
            ?? throw new ArgumentException("Not an SSH public key blob.", nameof(hostKey));
        var name = GetLookupName(host, port);
        var fingerprint = SshKeyBlob.Fingerprint(hostKey);
        var offered = $"{keyType} key {fingerprint}";

        var forHost = _entries.Where(e => e.MatchesHost(name)).ToList();

        var revoked = forHost.FirstOrDefault(e => e.Marker == KnownHostsMarker.Revoked && e.Key.AsSpan().SequenceEqual(hostKey));
        if (revoked is not null)
        {
            return Result(HostKeyStatus.Revoked, revoked.Line,
                $"the {offered} offered by '{name}' is marked @revoked at {Source}:{revoked.Line}");
        }

        var plain = forHost.Where(e => e.Marker == KnownHostsMarker.None).ToList();
        var match = plain.FirstOrDefault(e => e.Key.AsSpan().SequenceEqual(hostKey));
        if (match is not null)
        {
            return Result(HostKeyStatus.Match, match.Line, $"the {offered} of '{name}' matches {Source}:{match.Line}");
        }

        var changed = plain.FirstOrDefault(e => string.Equals(e.KeyType, keyType, StringComparison.Ordinal));
        if (changed is not null)
        {
            return Result(HostKeyStatus.Mismatch, changed.Line,
                $"the host key of '{name}' has CHANGED: the server offered the {offered}, but {Source}:{changed.Line} " +
                $"lists a different {keyType} key. Someone may be intercepting the connection, or the host was " +
                $"reinstalled; if the change is expected, remove line {changed.Line} (ssh-keygen -R '{name}' -f {Source}) " +
                "and add the new key");
        }

        var detail = Exists ? string.Empty : " (the file does not exist)";
        var otherTypes = plain.Select(e => e.KeyType).Distinct(StringComparer.Ordinal).ToList();
        if (otherTypes.Count > 0)
        {
            detail += $"; it lists only {string.Join(", ", otherTypes)} key(s) for this host (line {plain[0].Line})";
        }

        var authority = forHost.FirstOrDefault(e => e.Marker == KnownHostsMarker.CertAuthority);
        if (authority is not null)
        {
            detail += $"; the @cert-authority line {Source}:{authority.Line} matches, but host certificates are not supported";
        }

        return Result(HostKeyStatus.Unknown, null,
            $"the {offered} of '{name}' is not in {Source}{detail}. Check the fingerprint and add the key " +
            $"(ssh-keyscan{PortArgument(port)} -t {keyType} {host} >> {Source}), or accept unknown host keys explicitly");

        HostKeyVerification Result(HostKeyStatus status, int? line, string message) =>
            new(status, name, keyType, fingerprint, Source, line, message);
    }

    private static string PortArgument(int port) =>
        port == 22 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" -p {port}");

    private static KnownHosts Parse(string text, string source, bool exists)
    {
        var entries = new List<KnownHostsEntry>();
        var warnings = new List<string>();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r').Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var marker = KnownHostsMarker.None;
            var index = 0;
            if (fields[0].StartsWith('@'))
            {
                KnownHostsMarker? parsed = fields[0] switch
                {
                    "@revoked" => KnownHostsMarker.Revoked,
                    "@cert-authority" => KnownHostsMarker.CertAuthority,
                    _ => null,
                };
                if (parsed is not { } known)
                {
                    warnings.Add($"{source}:{lineNumber}: unknown marker '{fields[0]}'; line ignored");
                    continue;
                }

                marker = known;
                index = 1;
            }

            if (fields.Length - index < 3)
            {
                warnings.Add($"{source}:{lineNumber}: expected 'hosts keytype base64-key'; line ignored");
                continue;
            }

            var hosts = fields[index];
            var keyType = fields[index + 1];
            byte[] key;
            try
            {
                key = Convert.FromBase64String(fields[index + 2]);
            }
            catch (FormatException)
            {
                warnings.Add($"{source}:{lineNumber}: the key is not valid Base64; line ignored");
                continue;
            }

            var blobType = SshKeyBlob.TryGetKeyType(key);
            if (!string.Equals(blobType, keyType, StringComparison.Ordinal))
            {
                warnings.Add($"{source}:{lineNumber}: key type '{keyType}' does not match the key ('{blobType ?? "malformed"}'); line ignored");
                continue;
            }

            var entry = new KnownHostsEntry(lineNumber, marker, hosts, keyType, key);
            if (entry.IsHashed && !IsWellFormedHash(hosts))
            {
                warnings.Add($"{source}:{lineNumber}: malformed hashed host name; line ignored");
                continue;
            }

            entries.Add(entry);
        }

        return new KnownHosts(source, exists, entries, warnings);
    }

    private static bool IsWellFormedHash(string hosts)
    {
        var parts = hosts.Split('|');
        if (parts.Length != 4 || parts[1] != "1")
        {
            return false;
        }

        var saltBuffer = new byte[parts[2].Length];
        var hashBuffer = new byte[parts[3].Length];
        return Convert.TryFromBase64String(parts[2], saltBuffer, out var saltLength) && saltLength > 0
            && Convert.TryFromBase64String(parts[3], hashBuffer, out var hashLength) && hashLength == 20;
    }
}
