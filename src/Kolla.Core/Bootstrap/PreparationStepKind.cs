namespace Kolla.Bootstrap;

/// <summary>What a host preparation step acts on.</summary>
public enum PreparationStepKind
{
    /// <summary>The host firewall (ufw): disabled, accepting by default.</summary>
    Firewall,

    /// <summary>Packages installed (apt-get install).</summary>
    InstallPackages,

    /// <summary>Conflicting packages removed (apt-get remove).</summary>
    RemovePackages,

    /// <summary>A directory created, or its mode or owner changed.</summary>
    Directory,

    /// <summary>A file written (new content, mode or owner).</summary>
    File,

    /// <summary>A system service unmasked, enabled, started or restarted.</summary>
    Service,

    /// <summary>Groups created.</summary>
    Group,

    /// <summary>A user created or its groups changed.</summary>
    User,
}
