using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Kolla.Facts;

/// <summary>
/// Ansible's per-file distribution parsers (<c>DistributionFiles.parse_distribution_file_*</c> and its search strings):
/// whether a release file identifies the distribution, and the facts it adds.
/// </summary>
/// <remarks>
/// Not reproduced: the <c>dpkg</c> fallback for very old Debian releases without a codename, the SLES-for-SAP product
/// link, and the details of the legacy <c>/etc/SuSE-release</c> (the file still marks the host as SUSE).
/// </remarks>
internal static partial class DistributionFileParsers
{
    private static readonly FrozenDictionary<string, string> SearchStrings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["OracleLinux"] = "Oracle Linux",
        ["RedHat"] = "Red Hat",
        ["Altlinux"] = "ALT",
        ["SMGL"] = "Source Mage GNU/Linux",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Parses the trimmed <paramref name="content"/> of <paramref name="path"/> as distribution <paramref name="name"/>:
    /// the facts it gives, or null when the file does not identify the host.
    /// </summary>
    public static Dictionary<string, object?>? Parse(string name, string content, string path, IReadOnlyDictionary<string, object?> collected, DistroInfo distro)
    {
        var data = content.Trim('\'', '"', '\\');
        if (SearchStrings.TryGetValue(name, out var search))
        {
            return data.Contains(search, StringComparison.Ordinal)
                ? new() { ["distribution"] = name, ["distribution_file_search_string"] = search }
                : new() { ["distribution"] = data.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? data };
        }

        return name switch
        {
            "Archlinux" => data.Contains("Arch Linux", StringComparison.Ordinal) ? new() { ["distribution"] = name } : null,
            "Slackware" => Slackware(name, data),
            "Amazon" => Amazon(data, path),
            "OpenWrt" => OpenWrt(name, data),
            "Alpine" => new() { ["distribution"] = "Alpine", ["distribution_version"] = data },
            "SUSE" => Suse(data, path),
            "Debian" => Debian(data, path, distro),
            "Mandriva" => Mandriva(name, data),
            "NA" => NotAvailable(name, data, collected),
            "Coreos" => Coreos(data, distro),
            "Flatcar" => Flatcar(data, distro),
            "ClearLinux" => ClearLinux(name, data),
            "CentOS" => CentOs(data),
            _ => null,
        };
    }

    private static Dictionary<string, object?>? Slackware(string name, string data)
    {
        if (!data.Contains("Slackware", StringComparison.Ordinal))
        {
            return null;
        }

        var facts = new Dictionary<string, object?> { ["distribution"] = name };
        if (SlackwareVersion().Match(data) is { Success: true } version)
        {
            facts["distribution_version"] = version.Value;
        }

        return facts;
    }

    private static Dictionary<string, object?>? Amazon(string data, string path)
    {
        if (!data.Contains("Amazon", StringComparison.Ordinal))
        {
            return null;
        }

        var facts = new Dictionary<string, object?> { ["distribution"] = "Amazon" };
        if (path == "/etc/os-release")
        {
            if (QuotedVersionId().Match(data) is { Success: true } version)
            {
                var text = version.Groups[1].Value;
                var parts = text.Split('.');
                facts["distribution_version"] = text;
                facts["distribution_major_version"] = parts[0];
                facts["distribution_minor_version"] = parts.Length > 1 ? parts[1] : "NA";
            }
        }
        else
        {
            facts["distribution_version"] = data.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .FirstOrDefault(w => w.All(char.IsDigit)) ?? "NA";
        }

        return facts;
    }

    private static Dictionary<string, object?>? OpenWrt(string name, string data)
    {
        if (!data.Contains("OpenWrt", StringComparison.Ordinal))
        {
            return null;
        }

        var facts = new Dictionary<string, object?> { ["distribution"] = name };
        Capture(facts, "distribution_version", DistribRelease().Match(data));
        Capture(facts, "distribution_release", DistribCodename().Match(data));
        return facts;
    }

    private static Dictionary<string, object?>? Suse(string data, string path)
    {
        var lower = data.ToLowerInvariant();
        if (!lower.Contains("suse", StringComparison.Ordinal))
        {
            return null;
        }

        var facts = new Dictionary<string, object?>();
        if (path != "/etc/os-release")
        {
            return facts;
        }

        foreach (var line in data.Split('\n'))
        {
            if (NameLine().Match(line) is { Success: true } name)
            {
                facts["distribution"] = name.Groups[1].Value.Trim('"');
            }

            if (SuseVersionId().Match(line) is { Success: true } version)
            {
                facts["distribution_version"] = version.Groups[1].Value;
                facts["distribution_major_version"] = version.Groups[1].Value.Split('.')[0];
            }

            if (lower.Contains("open", StringComparison.Ordinal))
            {
                Capture(facts, "distribution_release", SuseMinor().Match(line));
            }
            else if (lower.Contains("enterprise", StringComparison.Ordinal) && line.Contains("VERSION_ID", StringComparison.Ordinal)
                && SuseMinor().Match(line) is { Success: true } minor)
            {
                facts["distribution_release"] = minor.Groups[1].Value.Length > 0 ? minor.Groups[1].Value : "0";
            }
        }

        return facts;
    }

    private static Dictionary<string, object?>? Debian(string data, string path, DistroInfo distro)
    {
        var facts = new Dictionary<string, object?>();
        if (data.Contains("Debian", StringComparison.Ordinal) || data.Contains("Raspbian", StringComparison.Ordinal))
        {
            facts["distribution"] = "Debian";
            Capture(facts, "distribution_release", DebianPrettyName().Match(data));
            if (MajorMinor().Match(distro.DebianVersion.Trim()) is { Success: true } minor)
            {
                facts["distribution_minor_version"] = minor.Groups[2].Value;
            }
        }
        else if (data.Contains("Ubuntu", StringComparison.Ordinal))
        {
            facts["distribution"] = "Ubuntu";
        }
        else if (data.Contains("SteamOS", StringComparison.Ordinal))
        {
            facts["distribution"] = "SteamOS";
        }
        else if (path is "/etc/lsb-release" or "/etc/os-release" && (data.Contains("Kali", StringComparison.Ordinal) || data.Contains("Parrot", StringComparison.Ordinal)))
        {
            facts["distribution"] = data.Contains("Kali", StringComparison.Ordinal) ? "Kali" : "Parrot";
            Capture(facts, "distribution_release", DistribReleaseUnquoted().Match(data));
        }
        else if (data.Contains("Devuan", StringComparison.Ordinal))
        {
            facts["distribution"] = "Devuan";
            Capture(facts, "distribution_release", DevuanPrettyName().Match(data));
            if (QuotedVersionId().Match(data) is { Success: true } version)
            {
                facts["distribution_version"] = version.Groups[1].Value;
                facts["distribution_major_version"] = version.Groups[1].Value;
            }
        }
        else if (data.Contains("Cumulus", StringComparison.Ordinal))
        {
            facts["distribution"] = "Cumulus Linux";
            if (VersionIdLine().Match(data) is { Success: true } version)
            {
                facts["distribution_version"] = version.Groups[1].Value;
                facts["distribution_major_version"] = version.Groups[1].Value.Split('.')[0];
            }

            Capture(facts, "distribution_release", QuotedVersion().Match(data));
        }
        else if (data.Contains("Mint", StringComparison.Ordinal))
        {
            facts["distribution"] = "Linux Mint";
            MajorFromQuotedVersionId(facts, data);
        }
        else if (data.Contains("UOS", StringComparison.Ordinal) || data.Contains("Uos", StringComparison.Ordinal) || data.Contains("uos", StringComparison.Ordinal))
        {
            facts["distribution"] = "Uos";
            Capture(facts, "distribution_release", VersionCodenameLine().Match(data));
            MajorFromQuotedVersionId(facts, data);
        }
        else if (data.Contains("Deepin", StringComparison.Ordinal) || data.Contains("deepin", StringComparison.Ordinal))
        {
            facts["distribution"] = "Deepin";
            Capture(facts, "distribution_release", VersionCodenameLine().Match(data));
            MajorFromQuotedVersionId(facts, data);
        }
        else
        {
            return null;
        }

        return facts;
    }

    private static Dictionary<string, object?>? Mandriva(string name, string data)
    {
        if (!data.Contains("Mandriva", StringComparison.Ordinal))
        {
            return null;
        }

        var facts = new Dictionary<string, object?>();
        Capture(facts, "distribution_version", DistribRelease().Match(data));
        Capture(facts, "distribution_release", DistribCodename().Match(data));
        facts["distribution"] = name;
        return facts;
    }

    private static Dictionary<string, object?> NotAvailable(string name, string data, IReadOnlyDictionary<string, object?> collected)
    {
        var facts = new Dictionary<string, object?>();
        foreach (var line in data.Split('\n'))
        {
            if (name == "NA" && NameLine().Match(line) is { Success: true } distribution)
            {
                facts["distribution"] = distribution.Groups[1].Value.Trim('"');
            }

            if (VersionLine().Match(line) is { Success: true } version && collected["distribution_version"] as string == "NA")
            {
                facts["distribution_version"] = version.Groups[1].Value.Trim('"');
            }
        }

        return facts;
    }

    private static Dictionary<string, object?>? Coreos(string data, DistroInfo distro)
    {
        if (distro.Id != "coreos" || data.Length == 0)
        {
            return null;
        }

        var facts = new Dictionary<string, object?>();
        if (CoreosGroup().Match(data) is { Success: true } group)
        {
            facts["distribution_release"] = group.Groups[1].Value.Trim('"');
        }

        return facts;
    }

    private static Dictionary<string, object?>? Flatcar(string data, DistroInfo distro)
    {
        if (distro.Id != "flatcar" || data.Length == 0)
        {
            return null;
        }

        var facts = new Dictionary<string, object?>();
        if (AnyVersion().Match(data) is { Success: true } version)
        {
            var text = version.Groups[1].Value.Trim('"');
            facts["distribution_major_version"] = text.Split('.')[0];
            facts["distribution_version"] = text;
        }

        return facts;
    }

    private static Dictionary<string, object?>? ClearLinux(string name, string data)
    {
        if (!name.Contains("clearlinux", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var facts = new Dictionary<string, object?>();
        if (QuotedName().Match(data) is { Success: true } pretty)
        {
            if (!pretty.Groups[1].Value.Contains("Clear Linux", StringComparison.Ordinal))
            {
                return null;
            }

            facts["distribution"] = pretty.Groups[1].Value;
        }

        if (VersionIdLine().Match(data) is { Success: true } version)
        {
            facts["distribution_major_version"] = version.Groups[1].Value;
            facts["distribution_version"] = version.Groups[1].Value;
        }

        Capture(facts, "distribution_release", AnyId().Match(data));
        return facts;
    }

    private static Dictionary<string, object?>? CentOs(string data) =>
        data.Contains("CentOS Stream", StringComparison.Ordinal) ? new() { ["distribution_release"] = "Stream" }
        : data.Contains("TencentOS Server", StringComparison.Ordinal) ? new() { ["distribution"] = "TencentOS" }
        : null;

    private static void MajorFromQuotedVersionId(Dictionary<string, object?> facts, string data)
    {
        if (QuotedVersionId().Match(data) is { Success: true } version)
        {
            facts["distribution_version"] = version.Groups[1].Value;
            facts["distribution_major_version"] = version.Groups[1].Value.Split('.')[0];
        }
    }

    private static void Capture(Dictionary<string, object?> facts, string key, Match match)
    {
        if (match.Success)
        {
            facts[key] = match.Groups[1].Value;
        }
    }

    [GeneratedRegex(@"\w+[.]\w+\+?", RegexOptions.CultureInvariant)]
    private static partial Regex SlackwareVersion();

    [GeneratedRegex("VERSION_ID=\"(.*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedVersionId();

    [GeneratedRegex("DISTRIB_RELEASE=\"(.*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex DistribRelease();

    [GeneratedRegex("DISTRIB_CODENAME=\"(.*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex DistribCodename();

    [GeneratedRegex("DISTRIB_RELEASE=(.*)", RegexOptions.CultureInvariant)]
    private static partial Regex DistribReleaseUnquoted();

    [GeneratedRegex("^NAME=(.*)", RegexOptions.CultureInvariant)]
    private static partial Regex NameLine();

    [GeneratedRegex("^VERSION=(.*)", RegexOptions.CultureInvariant)]
    private static partial Regex VersionLine();

    [GeneratedRegex("^VERSION_ID=\"?([0-9]+\\.?[0-9]*)\"?", RegexOptions.CultureInvariant)]
    private static partial Regex SuseVersionId();

    [GeneratedRegex("^VERSION_ID=\"?[0-9]+\\.?([0-9]*)\"?", RegexOptions.CultureInvariant)]
    private static partial Regex SuseMinor();

    [GeneratedRegex(@"PRETTY_NAME=[^(]+ \(?([^)]+?)\)", RegexOptions.CultureInvariant)]
    private static partial Regex DebianPrettyName();

    [GeneratedRegex(@"(\d+)\.(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex MajorMinor();

    [GeneratedRegex("PRETTY_NAME=\"?[^(\"]+ \\(?([^) \"]+)\\)?", RegexOptions.CultureInvariant)]
    private static partial Regex DevuanPrettyName();

    [GeneratedRegex("VERSION_ID=(.*)", RegexOptions.CultureInvariant)]
    private static partial Regex VersionIdLine();

    [GeneratedRegex("VERSION=\"(.*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedVersion();

    [GeneratedRegex("VERSION_CODENAME=\"?([^\"]+)\"?", RegexOptions.CultureInvariant)]
    private static partial Regex VersionCodenameLine();

    [GeneratedRegex("^GROUP=(.*)", RegexOptions.CultureInvariant)]
    private static partial Regex CoreosGroup();

    [GeneratedRegex("VERSION=(.*)", RegexOptions.CultureInvariant)]
    private static partial Regex AnyVersion();

    [GeneratedRegex("NAME=\"(.*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedName();

    [GeneratedRegex("ID=(.*)", RegexOptions.CultureInvariant)]
    private static partial Regex AnyId();
}
