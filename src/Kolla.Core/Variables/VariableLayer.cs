namespace Kolla.Variables;

/// <summary>Where a variable's value came from, in the default precedence order (lowest first).</summary>
public enum VariableLayer
{
    /// <summary>Built-in and service defaults (kolla-ansible's <c>group_vars/all</c> and role defaults).</summary>
    Defaults,

    /// <summary><c>globals.yml</c>.</summary>
    Globals,

    /// <summary>Inventory group variables, already merged by the inventory.</summary>
    GroupVars,

    /// <summary>Inventory host variables.</summary>
    HostVars,

    /// <summary>The host's gathered facts: <c>ansible_facts</c> and each fact injected as <c>ansible_&lt;name&gt;</c>, as Ansible does.</summary>
    HostFacts,

    /// <summary><c>passwords.yml</c>.</summary>
    Passwords,

    /// <summary>Extra variables given by the caller (<c>-e</c>).</summary>
    ExtraVars,

    /// <summary>Values the deploy host knows: <c>inventory_hostname</c>, <c>groups</c>, <c>hostvars</c>, ...</summary>
    Facts,
}
