using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Kolla.Facts;

/// <summary>
/// Ansible's distribution facts on Linux: <c>distribution</c>, <c>distribution_version</c>,
/// <c>distribution_release</c>, <c>distribution_major_version</c>, <c>os_family</c> and the
/// <c>distribution_file_*</c> keys of the release file that decided them.
/// </summary>
/// <remarks>
/// Ansible's <c>Distribution</c>/<c>DistributionFiles</c>: a first guess from the distro library (see
/// <see cref="DistroInfo"/>), then the release files in Ansible's order until one parses (see
/// <see cref="DistributionFileParsers"/>). Where Ansible would ask <c>lsb_release</c>, these facts do without it, as
/// Ansible does on a host without the lsb-release package; that changes the result only on hosts without
/// <c>os-release</c> or whose <c>lsb_release</c> reports a more precise version than every file.
/// </remarks>
internal static class DistributionFacts
{
    /// <summary>Every file the facts read whole (the script prints them; the local reader reads them).</summary>
    public static readonly IReadOnlyList<string> FilePaths =
    [
        "/etc/os-release", "/usr/lib/os-release", "/etc/lsb-release", "/etc/altlinux-release", "/etc/oracle-release",
        "/etc/slackware-version", "/etc/centos-release", "/etc/redhat-release", "/etc/vmware-release", "/etc/openwrt_release",
        "/etc/system-release", "/etc/alpine-release", "/etc/arch-release", "/etc/SuSE-release", "/etc/gentoo-release",
        "/etc/sourcemage-release", "/etc/coreos/update.conf",
    ];

    // Ansible's search order: (path, name, whether an empty file counts).
    private static readonly ImmutableArray<(string Path, string Name, bool AllowEmpty)> Order =
    [
        ("/etc/altlinux-release", "Altlinux", false),
        ("/etc/oracle-release", "OracleLinux", false),
        ("/etc/slackware-version", "Slackware", false),
        ("/etc/centos-release", "CentOS", false),
        ("/etc/redhat-release", "RedHat", false),
        ("/etc/vmware-release", "VMwareESX", true),
        ("/etc/openwrt_release", "OpenWrt", false),
        ("/etc/os-release", "Amazon", false),
        ("/etc/system-release", "Amazon", false),
        ("/etc/alpine-release", "Alpine", false),
        ("/etc/arch-release", "Archlinux", true),
        ("/etc/os-release", "Archlinux", false),
        ("/etc/os-release", "SUSE", false),
        ("/etc/SuSE-release", "SUSE", false),
        ("/etc/gentoo-release", "Gentoo", false),
        ("/etc/os-release", "Debian", false),
        ("/etc/lsb-release", "Debian", false),
        ("/etc/lsb-release", "Mandriva", false),
        ("/etc/sourcemage-release", "SMGL", false),
        ("/usr/lib/os-release", "ClearLinux", false),
        ("/etc/coreos/update.conf", "Coreos", false),
        ("/etc/os-release", "Flatcar", false),
        ("/etc/os-release", "NA", false),
    ];

    private static readonly FrozenDictionary<string, string> Family = BuildFamilies();

    /// <summary>Adds the distribution facts.</summary>
    public static void Add(OrderedDictionary<string, object?> facts, DistributionSource source)
    {
        var distro = new DistroInfo(source);
        var result = Guess(distro);
        foreach (var (path, name, allowEmpty) in Order)
        {
            if (!source.Files.TryGetValue(path, out var file) || !(file.NonEmpty || allowEmpty))
            {
                continue;
            }

            if (allowEmpty)
            {
                result["distribution"] = name;
                result["distribution_file_path"] = path;
                result["distribution_file_variety"] = name;
                break;
            }

            if (DistributionFileParsers.Parse(name, file.Content.Trim(), path, result, distro) is { } parsed)
            {
                result["distribution"] = name;
                result["distribution_file_path"] = path;
                result["distribution_file_variety"] = name;
                result["distribution_file_parsed"] = true;
                foreach (var (key, value) in parsed)
                {
                    result[key] = value;
                }

                break;
            }
        }

        foreach (var (key, value) in result)
        {
            facts[key] = value;
        }

        var distribution = (string)result["distribution"]!;
        facts["os_family"] = Family.TryGetValue(distribution, out var family) ? family : distribution;
    }

    private static OrderedDictionary<string, object?> Guess(DistroInfo distro)
    {
        var id = distro.Id;
        var name = id.Length == 0 ? "OtherLinux" : Capitalize(id) switch { "Amzn" => "Amazon", "Rhel" => "Redhat", var n => n };
        var version = distro.Version(best: false);
        if (id == "centos")
        {
            version = string.Join('.', distro.Version(best: true).Split('.').Take(2));
        }
        else if (id == "debian")
        {
            version = distro.Version(best: true);
        }

        if (version.Length == 0)
        {
            version = "NA";
        }

        var major = version.Split('.')[0];
        return new OrderedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["distribution"] = name,
            ["distribution_version"] = version,
            ["distribution_release"] = Codename(distro) ?? "NA",
            ["distribution_major_version"] = major.Length == 0 ? "NA" : major,
        };
    }

    // ansible.module_utils.common.sys_info.get_distribution_codename, without lsb_release.
    private static string? Codename(DistroInfo distro)
    {
        if (distro.OsRelease.TryGetValue("version_codename", out var codename) || distro.OsRelease.TryGetValue("ubuntu_codename", out codename))
        {
            return codename;
        }

        codename = distro.Codename;
        return codename.Length == 0 ? null : codename;
    }

    // Python's str.capitalize(): the first character upper case, the rest lower case.
    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..].ToLowerInvariant();

    private static FrozenDictionary<string, string> BuildFamilies()
    {
        var families = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["RedHat"] =
            [
                "RedHat", "RHEL", "Fedora", "CentOS", "Scientific", "SLC", "Ascendos", "CloudLinux", "PSBM", "OracleLinux", "OVS",
                "OEL", "Amazon", "Virtuozzo", "XenServer", "Alibaba", "EulerOS", "openEuler", "AlmaLinux", "Rocky", "TencentOS",
                "EuroLinux", "Kylin Linux Advanced Server",
            ],
            ["Debian"] =
            [
                "Debian", "Ubuntu", "Raspbian", "Neon", "KDE neon", "Linux Mint", "SteamOS", "Devuan", "Kali", "Cumulus Linux",
                "Pop!_OS", "Parrot", "Pardus GNU/Linux", "Uos", "Deepin", "OSMC",
            ],
            ["Suse"] = ["SuSE", "SLES", "SLED", "openSUSE", "openSUSE Tumbleweed", "SLES_SAP", "SUSE_LINUX", "openSUSE Leap"],
            ["Archlinux"] = ["Archlinux", "Antergos", "Manjaro"],
            ["Mandrake"] = ["Mandrake", "Mandriva"],
            ["Solaris"] = ["Solaris", "Nexenta", "OmniOS", "OpenIndiana", "SmartOS"],
            ["Slackware"] = ["Slackware"],
            ["Altlinux"] = ["Altlinux"],
            ["SGML"] = ["SGML"],
            ["Gentoo"] = ["Gentoo", "Funtoo"],
            ["Alpine"] = ["Alpine"],
            ["AIX"] = ["AIX"],
            ["HP-UX"] = ["HPUX"],
            ["Darwin"] = ["MacOSX"],
            ["FreeBSD"] = ["FreeBSD", "TrueOS"],
            ["ClearLinux"] = ["Clear Linux OS", "Clear Linux Mix"],
            ["DragonFly"] = ["DragonflyBSD", "DragonFlyBSD", "Gentoo/DragonflyBSD", "Gentoo/DragonFlyBSD"],
            ["NetBSD"] = ["NetBSD"],
        };
        return families.SelectMany(f => f.Value.Select(n => KeyValuePair.Create(n, f.Key))).ToFrozenDictionary(StringComparer.Ordinal);
    }
}
