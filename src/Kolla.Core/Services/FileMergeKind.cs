namespace Kolla.Services;

/// <summary>How the sources of one service file are combined.</summary>
public enum FileMergeKind
{
    /// <summary>kolla-ansible's <c>merge_configs</c>: INI merge, later wins per key.</summary>
    Ini,

    /// <summary>kolla-ansible's <c>merge_yaml</c>: YAML deep merge.</summary>
    Yaml,

    /// <summary>The first existing source is rendered whole (<c>with_first_found</c>); the built-in template comes last.</summary>
    FirstFound,

    /// <summary>The template is rendered as is; overrides are not consulted.</summary>
    Template,

    /// <summary>
    /// The file <see cref="ServiceFileDefinition.Source"/> names on the deploy host, copied as is (kolla-ansible's <c>copy</c>
    /// of the TLS bundles); it must lie in <c>kolla_certificates_dir</c>, which is read with the other inputs.
    /// </summary>
    Copy,
}
