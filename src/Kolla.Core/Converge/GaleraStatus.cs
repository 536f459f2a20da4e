using System.Globalization;

namespace Kolla.Converge;

/// <summary>A running Galera node's <c>wsrep_%</c> status variables, as <c>SHOW GLOBAL STATUS</c> printed them (tab-separated).</summary>
/// <param name="Values">Variable name to value.</param>
internal sealed record GaleraStatus(IReadOnlyDictionary<string, string> Values)
{
    /// <summary>The query that reads what <see cref="IsReady"/> needs.</summary>
    public const string Query =
        "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_cluster_size','wsrep_cluster_status','wsrep_local_state_comment','wsrep_ready','wsrep_connected','wsrep_evs_state')";

    /// <summary><c>wsrep_local_state_comment</c> (<c>Synced</c>, <c>Joining</c>, <c>Donor/Desynced</c>...), or empty.</summary>
    public string LocalState => Get("wsrep_local_state_comment");

    /// <summary><c>wsrep_cluster_size</c>, or 0.</summary>
    public int ClusterSize => int.TryParse(Get("wsrep_cluster_size"), NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : 0;

    /// <summary>
    /// What kolla-ansible's check after a recovery asserts: cluster status <c>Primary</c>, local state <c>Synced</c>,
    /// <c>wsrep_ready</c> and <c>wsrep_connected</c> <c>ON</c>.
    /// </summary>
    public bool IsReady =>
        Get("wsrep_cluster_status") == "Primary" && LocalState == "Synced" && Get("wsrep_ready") == "ON" && Get("wsrep_connected") == "ON";

    /// <summary>Parses the client's batch output (<c>-N -B</c>: one <c>name\tvalue</c> line per variable).</summary>
    /// <param name="output">The output.</param>
    /// <returns>The status.</returns>
    public static GaleraStatus Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in output.Split('\n'))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0)
            {
                values[line[..tab].Trim()] = line[(tab + 1)..].Trim();
            }
        }

        return new GaleraStatus(values);
    }

    /// <summary>A short description for messages: state, cluster status and size.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        Values.Count == 0 ? "no wsrep status" : $"{Or(LocalState)}, cluster {Or(Get("wsrep_cluster_status"))}, size {ClusterSize}";

    private static string Or(string value) => value.Length == 0 ? "?" : value;

    private string Get(string name) => Values.TryGetValue(name, out var value) ? value : "";
}
