namespace Kolla.Planning;

/// <summary>
/// One value in a deployment's inputs that asks for something the catalogue does not implement (found by
/// <see cref="UnimplementedSettings"/>), or, when <see cref="Location"/> is null, a kolla-ansible default that
/// would deploy such a thing although the operator set nothing.
/// </summary>
/// <param name="Variable">The variable: <c>enable_cinder</c>, <c>kolla_container_engine</c>.</param>
/// <param name="Value">
/// The value as written, in YAML spelling (<c>"yes"</c>, <c>true</c>, <c>"podman"</c>); a template is followed by what it
/// evaluates to (<c>"{{ x }}" (= true)</c>). For a default: what the default evaluates to.
/// </param>
/// <param name="Reason">Why it is refused: <c>service 'cinder' is not in the catalogue</c>, <c>TLS is not implemented</c>.</param>
/// <param name="Location">
/// Where the operator set it: <c>globals.yml:12</c>, <c>globals.d/tls.yml:3</c>, <c>inventory FILE:LINE</c> (an inventory
/// file, or a <c>group_vars/</c> / <c>host_vars/</c> file) or <c>-e</c>; null when the value is kolla-ansible's default.
/// </param>
public sealed record UnimplementedSetting(string Variable, string Value, string Reason, string? Location)
{
    /// <summary>For a default (<see cref="Location"/> null): kolla-ansible's default expression, e.g. <c>enable_openstack_core | bool</c>.</summary>
    public string? KollaAnsibleDefault { get; init; }

    /// <summary>For a default: what to set to silence the warning, e.g. <c>enable_heat: "no"</c>.</summary>
    public string? Silence { get; init; }

    /// <summary>True when the operator did not set the value: it is kolla-ansible's default, a warning rather than an error.</summary>
    public bool IsDefault => Location is null;

    /// <summary>
    /// One line: <c>globals.yml:12: enable_cinder: "yes" — service 'cinder' is not in the catalogue</c>, or for a default
    /// <c>enable_heat is not set and kolla-ansible's default (enable_openstack_core | bool) makes it true — service 'heat' is not in the catalogue; set enable_heat: "no" to silence this</c>.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString() => IsDefault
        ? $"{Variable} is not set and kolla-ansible's default ({KollaAnsibleDefault}) makes it {Value} — {Reason}; set {Silence} to silence this"
        : $"{Location}: {Variable}: {Value} — {Reason}";
}
