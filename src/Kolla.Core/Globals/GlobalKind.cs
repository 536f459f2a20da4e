namespace Kolla.Globals;

/// <summary>The type a known global must have.</summary>
internal enum GlobalKind
{
    /// <summary>A scalar used as text (numbers keep the spelling they were written with).</summary>
    Text,

    /// <summary>An Ansible-style boolean.</summary>
    Boolean,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A mapping.</summary>
    Mapping,

    /// <summary>A list.</summary>
    List,
}
