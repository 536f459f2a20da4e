namespace Kolla.Images;

/// <summary>The values image templates are rendered with and the names images are tagged with.</summary>
public sealed record ImageBuildSettings
{
    /// <summary>Image namespace (<c>kolla</c>).</summary>
    public string Namespace { get; init; } = "kolla";

    /// <summary>Prefix of every image name (<c>--image-name-prefix</c>, empty by default).</summary>
    public string ImagePrefix { get; init; } = string.Empty;

    /// <summary>Registry in front of the namespace (none by default).</summary>
    public string? Registry { get; init; }

    /// <summary>Explicit tag; null means <c>&lt;openstack_release&gt;-&lt;base_distro&gt;-&lt;base_tag&gt;</c>.</summary>
    public string? Tag { get; init; }

    /// <summary>OpenStack release (<c>master</c>).</summary>
    public string OpenStackRelease { get; init; } = "master";

    /// <summary>Base distribution (<c>debian</c>).</summary>
    public string BaseDistro { get; init; } = "debian";

    /// <summary>Base distribution release (<c>bookworm</c>).</summary>
    public string BaseTag { get; init; } = "bookworm";

    /// <summary>Package type of the base distribution (<c>deb</c>).</summary>
    public string BasePackageType { get; init; } = "deb";

    /// <summary>What root images start <c>FROM</c>; null means <c>&lt;base_distro&gt;:&lt;base_tag&gt;</c>.</summary>
    public string? BaseImage { get; init; }

    /// <summary>The <c>maintainer</c> value and label.</summary>
    public string Maintainer { get; init; } = "Kolla for .NET";

    /// <summary>The version written to the <c>kolla_version</c> label.</summary>
    public string KollaVersion { get; init; } = "0.0.0";

    /// <summary>Service accounts (<c>users</c>): name → fixed ids.</summary>
    public IReadOnlyDictionary<string, KollaUser> Users { get; init; } = KollaUsers.Default;

    /// <summary>More template values, e.g. <c>nova_compute_packages_append</c> from a build config file.</summary>
    public IReadOnlyDictionary<string, object?> ExtraValues { get; init; } = new Dictionary<string, object?>();

    /// <summary>The tag in effect.</summary>
    public string EffectiveTag => Tag ?? $"{OpenStackRelease}-{BaseDistro}-{BaseTag}";

    /// <summary>The base image in effect.</summary>
    public string EffectiveBaseImage => BaseImage ?? $"{BaseDistro}:{BaseTag}";

    /// <summary>The <c>namespace</c> template value: the namespace with the registry in front, if any.</summary>
    public string QualifiedNamespace => string.IsNullOrEmpty(Registry) ? Namespace : $"{Registry}/{Namespace}";

    /// <summary>The full reference of an image: <c>[&lt;registry&gt;/]&lt;namespace&gt;/&lt;prefix&gt;&lt;name&gt;:&lt;tag&gt;</c>.</summary>
    public string ImageReference(string name) => $"{QualifiedNamespace}/{ImagePrefix}{name}:{EffectiveTag}";

    /// <summary>The values a template of image <paramref name="name"/> sees.</summary>
    public Dictionary<string, object?> TemplateValues(string name)
    {
        var values = new Dictionary<string, object?>(ExtraValues, StringComparer.Ordinal)
        {
            ["namespace"] = QualifiedNamespace,
            ["image_prefix"] = ImagePrefix,
            ["tag"] = EffectiveTag,
            ["openstack_release"] = OpenStackRelease,
            ["base_distro"] = BaseDistro,
            ["base_tag"] = BaseTag,
            ["base_distro_tag"] = BaseTag,
            ["base_package_type"] = BasePackageType,
            ["base_image"] = EffectiveBaseImage,
            ["base_arch"] = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture switch
            {
                System.Runtime.InteropServices.Architecture.Arm64 => "aarch64",
                _ => "x86_64",
            },
            ["image_name"] = name,
            ["maintainer"] = Maintainer,
            ["kolla_version"] = KollaVersion,
            ["users"] = Users.ToDictionary(
                u => u.Key,
                u => (object?)new Dictionary<string, object?> { ["uid"] = u.Value.Uid, ["gid"] = u.Value.Gid },
                StringComparer.Ordinal),
        };
        return values;
    }
}
