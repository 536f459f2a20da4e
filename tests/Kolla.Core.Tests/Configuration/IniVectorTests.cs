using System.Buffers;
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
            var expectedError = File.ReadAllText(errorFile).TrimEnd('\n');
            var prefix = expectedError[..(expectedError.IndexOf(": ", StringComparison.Ordinal) + 2)];
            var act = () => IniMerger.Merge(sources);
            var error = act.Should().Throw<ConfigMergeException>().Which;
            error.Message.Should().StartWith(prefix);
            error.Message.Should().StartWith(expectedError, "our messages keep oslo.config's wording");
            return;
        }

        var document = IniMerger.Merge(sources);
        var expected = File.ReadAllBytes(Path.Combine(dir, "expected.conf"));
        var expectedNoWhitespace = File.ReadAllBytes(Path.Combine(dir, "expected.nows.conf"));
        Encoding.UTF8.GetBytes(document.ToText()).Should().Equal(expected);
        Encoding.UTF8.GetBytes(document.ToText(whitespace: false)).Should().Equal(expectedNoWhitespace);
        document.ToUtf8().Should().Equal(expected);
        document.ToUtf8(whitespace: false).Should().Equal(expectedNoWhitespace);
        var buffer = new ArrayBufferWriter<byte>(1);
        document.WriteTo(buffer);
        buffer.WrittenSpan.ToArray().Should().Equal(expected);
    }
}
