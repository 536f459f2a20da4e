namespace Kolla.Inventory;

/// <summary>Where and how to reach one inventory host (from its Ansible connection variables).</summary>
/// <param name="Name">Inventory name (<c>inventory_hostname</c>).</param>
/// <param name="Address">Address to connect to (<c>ansible_host</c>, else the name).</param>
/// <param name="Port">SSH port (<c>ansible_port</c>, default 22).</param>
/// <param name="User">Login user (<c>ansible_user</c>), or null for the connector's default.</param>
/// <param name="Connection"><c>ansible_connection</c>: <c>ssh</c> or <c>local</c>.</param>
/// <param name="Variables">Every variable of the host, for connector-specific settings (key file, become, docker host).</param>
public sealed record HostTarget(
    string Name,
    string Address,
    int Port = 22,
    string? User = null,
    string Connection = "ssh",
    IReadOnlyDictionary<string, object?>? Variables = null)
{
    /// <summary>
    /// A directory whose file state the caller reads right after connecting (<c>IHostFiles.ReadTreeStateAsync</c>),
    /// as the converge engine does with <c>node_config_directory</c>. A connector may fetch it while it connects (the SSH
    /// connector reads it in the same remote command as its Docker check); null when nothing is known ahead.
    /// </summary>
    public string? ReadAheadDirectory { get; init; }

    /// <summary>
    /// Whether the host runs containers, so its container engine must answer. A host that runs nothing (the
    /// <c>deployment</c> host of kolla-ansible's inventories) is only asked for its facts.
    /// </summary>
    public bool NeedsContainerEngine { get; init; } = true;
}
