using System.Globalization;
using System.Text.RegularExpressions;

namespace Kolla.Operations;

/// <summary>
/// Reads a Galera node's position from its <c>grastate.dat</c> and from the log of <c>mariadbd --wsrep-recover</c>
/// (pure text parsing).
/// </summary>
/// <remarks>
/// kolla-ansible's <c>recover_cluster</c> tasks read only the recovery log (the last <c>Recovered position</c> line,
/// <c>UUID:seqno</c>); the state file also tells the position after a clean shutdown and which node Galera marked safe to
/// bootstrap from, so both are read and the larger sequence number wins.
/// </remarks>
internal static partial class GaleraStateReader
{
    /// <summary>The UUID of a node that never joined a cluster.</summary>
    public const string NilUuid = "00000000-0000-0000-0000-000000000000";

    /// <summary>Combines what a node's files said into its position.</summary>
    /// <param name="host">Inventory name.</param>
    /// <param name="grastate">Contents of <c>grastate.dat</c>; null when the file is missing.</param>
    /// <param name="recoverLog">The recovery run's log lines; null or empty when it printed no position.</param>
    /// <returns>The position (seqno -1 when neither source knows it).</returns>
    public static GaleraPosition Read(string host, string? grastate, string? recoverLog)
    {
        (string? Uuid, long Seqno, bool SafeToBootstrap)? state = grastate is null ? null : ParseStateFile(grastate);
        var recovered = recoverLog is null ? null : ParseRecoveredPosition(recoverLog);
        var seqno = Math.Max(recovered?.Seqno ?? -1, state?.Seqno ?? -1);
        var uuid = new[] { recovered?.Uuid, state?.Uuid }.FirstOrDefault(u => u is not null && u != NilUuid);
        return new GaleraPosition(host, uuid, seqno, state?.SafeToBootstrap ?? false, state is not null);
    }

    /// <summary>
    /// Parses <c>grastate.dat</c>: <c>uuid:</c>, <c>seqno:</c> and <c>safe_to_bootstrap:</c> lines (others ignored). A
    /// missing or unreadable value counts as unknown (-1, not safe).
    /// </summary>
    /// <param name="text">The file's contents.</param>
    /// <returns>UUID (null when missing or nil), seqno and the bootstrap flag.</returns>
    public static (string? Uuid, long Seqno, bool SafeToBootstrap) ParseStateFile(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? uuid = null;
        long seqno = -1;
        var safe = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (line.StartsWith('#') || colon < 0)
            {
                continue;
            }

            var value = line[(colon + 1)..].Trim();
            switch (line[..colon].Trim())
            {
                case "uuid":
                    uuid = UuidPattern().IsMatch(value) && value != NilUuid ? value.ToLowerInvariant() : null;
                    break;
                case "seqno":
                    seqno = long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= -1 ? n : -1;
                    break;
                case "safe_to_bootstrap":
                    safe = value == "1";
                    break;
            }
        }

        return (uuid, seqno, safe);
    }

    /// <summary>
    /// The last <c>WSREP: Recovered position</c> of a <c>--wsrep-recover</c> run's log (<c>UUID:seqno</c>, as the server and
    /// <c>mariadbd-safe</c> print it, optionally followed by a GTID); null when the log has none.
    /// </summary>
    /// <param name="log">The log text.</param>
    /// <returns>The UUID (null when nil) and seqno, or null.</returns>
    public static (string? Uuid, long Seqno)? ParseRecoveredPosition(string log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var matches = RecoveredPattern().Matches(log);
        if (matches.Count == 0)
        {
            return null;
        }

        var last = matches[^1];
        var uuid = last.Groups["uuid"].Value.ToLowerInvariant();
        var seqno = long.TryParse(last.Groups["seqno"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= -1 ? n : -1;
        return (uuid == NilUuid ? null : uuid, seqno);
    }

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex UuidPattern();

    [GeneratedRegex(@"Recovered position:?\s+(?<uuid>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}):(?<seqno>-?[0-9]+)")]
    private static partial Regex RecoveredPattern();
}
