namespace Kolla.Prechecks;

/// <summary>The names the checks report under (<see cref="PrecheckResult.Check"/>), in report order.</summary>
internal static class PrecheckNames
{
    /// <summary>VIPs, interfaces and api addresses (<see cref="VipPrecheck"/>, <see cref="HostAddressesPrecheck"/>).</summary>
    public const string Addresses = "addresses";

    /// <summary>Inventory groups and host names (<see cref="InventoryPrecheck"/>).</summary>
    public const string Inventory = "inventory";

    /// <summary>passwords.yml (<see cref="PasswordsPrecheck"/>).</summary>
    public const string Passwords = "passwords";

    /// <summary>Settings the catalogue does not implement (<see cref="UnimplementedPrecheck"/>).</summary>
    public const string Unimplemented = "unimplemented";

    /// <summary>A plan that cannot be made.</summary>
    public const string Plan = "plan";

    /// <summary>The host and its container engine (<see cref="EnginePrecheck"/>, and any host that cannot be reached).</summary>
    public const string Docker = "docker";

    /// <summary>Free ports on local hosts (<see cref="PortsPrecheck"/>).</summary>
    public const string Ports = "ports";
}
