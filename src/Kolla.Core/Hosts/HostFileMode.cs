namespace Kolla.Hosts;

/// <summary>Mode and ownership to apply to a written file or created directory.</summary>
/// <param name="Mode">Permission bits (octal literal written as e.g. <c>0b110_110_000</c> or <c>Convert.ToInt32("660", 8)</c>).</param>
/// <param name="Owner">User name, or null to leave it to the writer (root).</param>
/// <param name="Group">Group name, or null to leave it to the writer.</param>
public sealed record HostFileMode(int Mode, string? Owner = null, string? Group = null)
{
    /// <summary>kolla-ansible's mode for generated config files: 0660.</summary>
    public static HostFileMode ConfigFile { get; } = new(Convert.ToInt32("660", 8));

    /// <summary>kolla-ansible's mode for per-service config directories: 0770.</summary>
    public static HostFileMode ConfigDirectory { get; } = new(Convert.ToInt32("770", 8));

    /// <summary>Secret files such as passwords.yml and admin-openrc.sh: 0600.</summary>
    public static HostFileMode Secret { get; } = new(Convert.ToInt32("600", 8));
}
