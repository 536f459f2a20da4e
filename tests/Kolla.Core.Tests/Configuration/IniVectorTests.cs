using System.Text;
using Kolla.Configuration;

namespace Kolla.Tests.Configuration;

/// <summary>Every case in ../shared/vectors/merge, compared byte for byte.</summary>
public sealed class IniVectorTests
{
    public static TheoryData<string> Cases() => new(SharedVectors.Cases("merge"));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Merge_SharedVector_MatchesKollaBytes(string name)
    {
        var dir = Path.Combine(SharedVectors.Directory("merge"), name);
        var sources = new List<ConfigSource>();
        foreach (var (sourceName, path) in SharedVectors.Sources(dir))
        {
            var read = await ConfigSource.ReadFileAsync(path, TestContext.Current.CancellationToken);
            sources.Add(read with { Name = sourceName });
        }

        var errorFile = Path.Combine(dir, "expected.error");
        if (File.Exists(errorFile))
        {
            var expected = File.ReadAllText(errorFile).TrimEnd('\n');
            var prefix = expected[..(expected.IndexOf(": ", StringComparison.Ordinal) + 2)];
            var act = () => IniMerger.Merge(sources);
            var error = act.Should().Throw<ConfigMergeException>().Which;
            error.Message.Should().StartWith(prefix);
            error.Message.Should().StartWith(expected, "our messages keep oslo.config's wording");
            return;
        }

        var document = IniMerger.Merge(sources);
        Encoding.UTF8.GetBytes(document.ToText()).Should().Equal(File.ReadAllBytes(Path.Combine(dir, "expected.conf")));
        Encoding.UTF8.GetBytes(document.ToText(whitespace: false)).Should().Equal(File.ReadAllBytes(Path.Combine(dir, "expected.nows.conf")));
    }
}
