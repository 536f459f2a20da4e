using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using Kolla.Compat;

namespace Kolla.Facts;

/// <summary>
/// What the Python <c>distro</c> library (1.8, the version Ansible uses when it is installed, as Debian's ansible-core
/// package has it) answers for a host: id, version, codename, from <c>os-release</c>, the first
/// <c>/etc/*-release</c> file and <c>/etc/debian_version</c>.
/// </summary>
/// <remarks>The <c>lsb_release</c> command is not consulted (it only matters where <c>os-release</c> is missing).</remarks>
internal sealed partial class DistroInfo
{
    private static readonly FrozenSet<string> IgnoredReleaseFiles = FrozenSet.Create(
        StringComparer.Ordinal, "debian_version", "lsb-release", "oem-release", "os-release", "system-release", "plesk-release", "iredmail-release");

    private readonly Dictionary<string, string> _osRelease;
    private readonly Dictionary<string, string> _releaseFile;
    private readonly string _debianVersion;

    /// <summary>Reads the sources.</summary>
    public DistroInfo(DistributionSource source)
    {
        var osReleasePath = source.Files.ContainsKey("/etc/os-release") || !source.Files.ContainsKey("/usr/lib/os-release")
            ? "/etc/os-release"
            : "/usr/lib/os-release";
        _osRelease = source.Files.TryGetValue(osReleasePath, out var osRelease) ? ParseOsRelease(osRelease.Content) : [];
        _releaseFile = FirstReleaseFile(source.ReleaseFiles);
        _debianVersion = source.DebianVersion ?? string.Empty;
    }

    /// <summary>Gets the parsed <c>os-release</c> (lower-case keys, plus <c>codename</c>/<c>release_codename</c> as distro derives them).</summary>
    public IReadOnlyDictionary<string, string> OsRelease => _osRelease;

    /// <summary>Gets the first line of <c>/etc/debian_version</c>, or empty.</summary>
    public string DebianVersion => _debianVersion;

    /// <summary>Gets <c>distro.id()</c>.</summary>
    public string Id
    {
        get
        {
            if (Attr(_osRelease, "id") is { Length: > 0 } os)
            {
                var id = Normalize(os);
                return id switch { "ol" => "oracle", "opensuse-leap" => "opensuse", _ => id };
            }

            if (Attr(_releaseFile, "id") is { Length: > 0 } file)
            {
                var id = Normalize(file);
                return id == "redhat" ? "rhel" : id;
            }

            return string.Empty;
        }
    }

    /// <summary>Gets <c>distro.codename()</c>.</summary>
    public string Codename => _osRelease.TryGetValue("codename", out var codename) ? codename : Attr(_releaseFile, "codename");

    /// <summary><c>distro.version(best=...)</c>.</summary>
    public string Version(bool best)
    {
        List<string> versions =
        [
            Attr(_osRelease, "version_id"),
            string.Empty, // lsb_release -a
            Attr(_releaseFile, "version_id"),
            Attr(ParseReleaseLine(Attr(_osRelease, "pretty_name")), "version_id"),
            string.Empty, // lsb_release's description
            string.Empty, // uname -rs: nothing on Linux
        ];
        if (Id == "debian" || Attr(_osRelease, "id_like").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Contains("debian"))
        {
            versions.Add(_debianVersion);
        }

        var version = string.Empty;
        foreach (var v in versions)
        {
            if (best ? Dots(v) > Dots(version) || version.Length == 0 : version.Length == 0)
            {
                version = v;
            }
        }

        return version;
    }

    /// <summary>
    /// Parses one line of a distro release file (<c>Rocky Linux release 9.4 (Blue Onyx)</c>) into <c>name</c>,
    /// <c>version_id</c> and <c>codename</c>, as distro does (it matches the reversed line).
    /// </summary>
    public static Dictionary<string, string> ParseReleaseLine(string line)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var match = ReversedReleaseLine().Match(Reverse(line.Trim()));
        if (match.Success)
        {
            result["name"] = Reverse(match.Groups[3].Value);
            if (match.Groups[2].Value.Length > 0)
            {
                result["version_id"] = Reverse(match.Groups[2].Value);
            }

            if (match.Groups[1].Value.Length > 0)
            {
                result["codename"] = Reverse(match.Groups[1].Value);
            }
        }
        else if (line.Length > 0)
        {
            result["name"] = line.Trim();
        }

        return result;
    }

    private static Dictionary<string, string> ParseOsRelease(string text)
    {
        var props = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in ShellWords.Split(text, ShellSplitOptions.Comments | ShellSplitOptions.Lenient))
        {
            var eq = word.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                props[word[..eq].ToLowerInvariant()] = word[(eq + 1)..];
            }
        }

        if (props.TryGetValue("version", out var version) && VersionCodename().Match(version) is { Success: true } m)
        {
            var codename = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
            props["codename"] = codename;
            props["release_codename"] = codename;
        }

        if (props.TryGetValue("version_codename", out var versionCodename))
        {
            props["codename"] = versionCodename;
        }
        else if (props.TryGetValue("ubuntu_codename", out var ubuntuCodename))
        {
            props["codename"] = ubuntuCodename;
        }

        return props;
    }

    private static Dictionary<string, string> FirstReleaseFile(IReadOnlyList<ReleaseFileLine> files)
    {
        foreach (var file in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            if (IgnoredReleaseFiles.Contains(file.Name) || ReleaseFileName().Match(file.Name) is not { Success: true } match || file.FirstLine is null)
            {
                continue;
            }

            var info = ParseReleaseLine(file.FirstLine);
            info["id"] = match.Groups[1].Value;
            if (info.TryGetValue("name", out var name) && name.Contains("cloudlinux", StringComparison.OrdinalIgnoreCase))
            {
                info["id"] = "cloudlinux";
            }

            return info;
        }

        return [];
    }

    private static string Attr(IReadOnlyDictionary<string, string> map, string key) => map.TryGetValue(key, out var value) ? value : string.Empty;

    private static string Normalize(string id) => id.ToLowerInvariant().Replace(' ', '_');

    private static int Dots(string text) => text.Count(c => c == '.');

    private static string Reverse(string text)
    {
        var runes = text.EnumerateRunes().ToArray();
        Array.Reverse(runes);
        var sb = new StringBuilder(text.Length);
        foreach (var rune in runes)
        {
            sb.Append(rune.ToString());
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^(?:[^)]*\)(.*)\()? *(?:STL )?([\d.+\-a-z]*\d) *(?:esaeler *)?(.+)", RegexOptions.CultureInvariant)]
    private static partial Regex ReversedReleaseLine();

    [GeneratedRegex(@"^(\w+)[-_](release|version)$", RegexOptions.CultureInvariant)]
    private static partial Regex ReleaseFileName();

    [GeneratedRegex(@"\((\D+)\)|,\s*(\D+)", RegexOptions.CultureInvariant)]
    private static partial Regex VersionCodename();
}
