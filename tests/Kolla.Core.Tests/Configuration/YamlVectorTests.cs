using System.Text;
using Kolla.Configuration;

namespace Kolla.Tests.Configuration;

/// <summary>
/// Every case in ../shared/vectors/yaml, with and without extend_lists, compared byte for byte. The vectors' README
/// allows cases 13, 14, 15 and 18 to compare as YAML data; this implementation matches their bytes too, so no case
/// is relaxed.
/// </summary>
public sealed class YamlVectorTests
{
    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var name in SharedVectors.Cases("yaml"))
        {
            data.Add(name, false);
            data.Add(name, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task MergeYaml_SharedVector_MatchesKollaBytes(string name, bool extendLists)
    {
        var dir = Path.Combine(SharedVectors.Directory("yaml"), name);
        var sources = new List<ConfigSource>();
        foreach (var (sourceName, path) in SharedVectors.Sources(dir))
        {
            var read = await ConfigSource.ReadFileAsync(path, TestContext.Current.CancellationToken);
            sources.Add(read with { Name = sourceName });
        }

        var options = new YamlMergeOptions { ExtendLists = extendLists };
        var suffix = extendLists ? ".extend" : string.Empty;
        var errorFile = Path.Combine(dir, $"expected{suffix}.error");
        if (File.Exists(errorFile))
        {
            var act = () => YamlMerger.MergeToText(sources, options);
            var error = act.Should().Throw<ConfigMergeException>().Which;
            error.Source.Should().Be(sources.Last(s => s.Exists).Name, "kolla fails on the last source in every error vector");
            error.Message.Should().StartWith(error.Source + ":");
            return;
        }

        var text = YamlMerger.MergeToText(sources, options);
        Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)).Should().Be(File.ReadAllText(Path.Combine(dir, $"expected{suffix}.yml")));
        Encoding.UTF8.GetBytes(text).Should().Equal(File.ReadAllBytes(Path.Combine(dir, $"expected{suffix}.yml")));
    }
}
