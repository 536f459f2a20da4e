using Kolla.Facts;

namespace Kolla.Core.Tests.Facts;

public sealed class DistributionFactsTests
{
    public static TheoryData<string> Samples => [.. DistributionSamples.All.Keys];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Add_GivesAnsiblesDistributionFacts(string name)
    {
        var sample = DistributionSamples.All[name];
        var facts = new OrderedDictionary<string, object?>(StringComparer.Ordinal);

        DistributionFacts.Add(facts, SourceOf(sample.Files));

        facts.Should().Contain("distribution", sample.Distribution)
            .And.Contain("distribution_version", sample.Version)
            .And.Contain("distribution_release", sample.Release)
            .And.Contain("distribution_major_version", sample.MajorVersion)
            .And.Contain("os_family", sample.OsFamily);
    }

    [Fact]
    public void Add_Debian_NamesTheFileThatDecidedAndTheMinorVersion()
    {
        var facts = new OrderedDictionary<string, object?>(StringComparer.Ordinal);

        DistributionFacts.Add(facts, SourceOf(DistributionSamples.All["debian12"].Files));

        facts.Should().Contain("distribution_file_path", "/etc/os-release")
            .And.Contain("distribution_file_variety", "Debian")
            .And.Contain("distribution_file_parsed", true)
            .And.Contain("distribution_minor_version", "5");
    }

    [Fact]
    public void Add_RedHat_RecordsTheSearchStringThatMatched()
    {
        var facts = new OrderedDictionary<string, object?>(StringComparer.Ordinal);

        DistributionFacts.Add(facts, SourceOf(DistributionSamples.All["rhel92"].Files));

        facts.Should().Contain("distribution_file_path", "/etc/redhat-release")
            .And.Contain("distribution_file_search_string", "Red Hat");
    }

    [Theory]
    [InlineData("Rocky Linux release 9.4 (Blue Onyx)", "Rocky Linux", "9.4", "Blue Onyx")]
    [InlineData("CentOS Stream release 9", "CentOS Stream", "9", null)]
    [InlineData("openEuler release 22.03 (LTS-SP1)", "openEuler", "22.03", "LTS-SP1")]
    [InlineData("Some Distro", "Some Distro", null, null)]
    public void ParseReleaseLine_ReadsNameVersionAndCodename(string line, string name, string? version, string? codename)
    {
        var info = DistroInfo.ParseReleaseLine(line);

        info.Should().Contain("name", name);
        info.GetValueOrDefault("version_id").Should().Be(version);
        info.GetValueOrDefault("codename").Should().Be(codename);
    }

    /// <summary>The distribution material a host made of <paramref name="files"/> gives (as the local reader and the script collect it).</summary>
    internal static DistributionSource SourceOf(IReadOnlyDictionary<string, string> files)
    {
        var known = DistributionFacts.FilePaths
            .Where(files.ContainsKey)
            .ToDictionary(p => p, p => new ReleaseFile(files[p].Length > 0, files[p]), StringComparer.Ordinal);
        var releaseFiles = files
            .Where(f => Path.GetDirectoryName(f.Key) == "/etc" && System.Text.RegularExpressions.Regex.IsMatch(Path.GetFileName(f.Key), "[-_](release|version)$"))
            .Select(f => new ReleaseFileLine(Path.GetFileName(f.Key), f.Value.Length == 0 ? null : f.Value.Split('\n')[0]))
            .ToList();
        var debian = files.TryGetValue("/etc/debian_version", out var text) ? text.Split('\n')[0].TrimEnd() : null;
        return new DistributionSource(known, releaseFiles, debian);
    }
}
