using System.Text;
using Kolla.Configuration;

namespace Kolla.Tests.Configuration;

/// <summary>
/// <see cref="IniMerger.MergeFilesAsync"/> parses the files' UTF-8 bytes directly: the result must be byte for byte
/// what the same texts give through <see cref="IniMerger.Merge"/>, on the inputs where bytes and characters differ.
/// </summary>
public sealed class IniMergeFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kolla-ini-files-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task MergeFilesAsync_NonAsciiEdgesLineEndingsAndBom_SameBytesAsTextMerge()
    {
        string[] texts =
        [
            // A byte order mark read as text, CRLF and lone CR endings, non-ASCII whitespace around keys and values.
            "\uFEFFk = v\r\n[sé]\r\n\u3000clé\u00a0=\u2003valeur\u2029 \r\nmulti = a\r\n \u3000b\u0085\r\n\tc\r[x]\rq: 'quoted'\r",
            "[sé]\nclé = seconde\nclé = troisième\n键 = 一\n  二\n😀 =\n\n[x]\nq = \"\"\n[new]\nk\u001c = \u001cv\u001f\n",
            "[sé]\nmulti=1\n   2\n",
        ];
        var paths = new List<string>();
        for (var i = 0; i < texts.Length; i++)
        {
            var path = Path.Combine(_dir, $"{i}.conf");
            await File.WriteAllBytesAsync(path, Encoding.UTF8.GetBytes(texts[i]), TestContext.Current.CancellationToken);
            paths.Add(path);
        }

        var fromFiles = await IniMerger.MergeFilesAsync(paths, cancellationToken: TestContext.Current.CancellationToken);
        var fromTexts = IniMerger.Merge(paths.Select((path, i) => ConfigSource.FromText(path, texts[i])));

        fromFiles.ToUtf8().Should().Equal(fromTexts.ToUtf8());
        fromFiles.ToUtf8(whitespace: false).Should().Equal(fromTexts.ToUtf8(whitespace: false));
        Encoding.UTF8.GetString(fromFiles.ToUtf8()).Should().Be(
            "\uFEFFk = v\n\n[sé]\nclé = seconde\nclé = troisième\nmulti = 1\n        2\n键 = 一\n    二\n😀 =\n\n[x]\nq =\n\n[new]\nk = v\n\n");
        fromFiles.FindEntry("sé", "键")!.First.Lines.Should().Equal("一", "二");
    }

    [Theory]
    [InlineData("[a]\nk : v\n", "[a]\nk = v\n\n", "[a]\nk=v\n\n")]
    [InlineData("[a]\nk:v\n", "[a]\nk = v\n\n", "[a]\nk=v\n\n")]
    [InlineData("[a]\nk=v\n", "[a]\nk = v\n\n", "[a]\nk=v\n\n")]
    [InlineData("[a]\nk = v\n", "[a]\nk = v\n\n", "[a]\nk=v\n\n")]
    [InlineData("[a]\nk  =  v \n", "[a]\nk = v\n\n", "[a]\nk=v\n\n")]
    [InlineData("[a]\nk = 'v'\n", "[a]\nk = v\n\n", "[a]\nk=v\n\n")]
    [InlineData("[a]\nk = v\r\n", "[a]\nk = v\n\n", "[a]\nk=v\n\n")]
    [InlineData("[a]\nk = v", "[a]\nk = v\n\n", "[a]\nk=v\n\n")]
    [InlineData("[a]\n k = v\n", null, null)]
    [InlineData("[a]\nk\u00a0= v\n", "[a]\nk = v\n\n", "[a]\nk=v\n\n")]
    [InlineData("[a]\nk = v\n  w\nk=x\n", "[a]\nk = v\n    w\nk = x\n\n", "[a]\nk=v\n  w\nk=x\n\n")]
    public async Task MergeFilesAsync_LinesCopiedWhole_OnlyWhenTheyReadAsWritten(string text, string? spaced, string? compact)
    {
        var path = Path.Combine(_dir, "one.conf");
        await File.WriteAllBytesAsync(path, Encoding.UTF8.GetBytes(text), TestContext.Current.CancellationToken);

        if (spaced is null)
        {
            var act = () => IniMerger.MergeFilesAsync([path], cancellationToken: TestContext.Current.CancellationToken);
            await act.Should().ThrowAsync<ConfigMergeException>();
            return;
        }

        var document = await IniMerger.MergeFilesAsync([path], cancellationToken: TestContext.Current.CancellationToken);
        Encoding.UTF8.GetString(document.ToUtf8()).Should().Be(spaced);
        Encoding.UTF8.GetString(document.ToUtf8(whitespace: false)).Should().Be(compact);
        document.ToText().Should().Be(spaced);
    }

    [Fact]
    public async Task MergeFilesAsync_InvalidUtf8_NamesTheLine()
    {
        var path = Path.Combine(_dir, "bad.conf");
        await File.WriteAllBytesAsync(path, [.. "[a]\nk = v\n"u8, 0xC3, 0x28, (byte)'\n'], TestContext.Current.CancellationToken);

        var act = () => IniMerger.MergeFilesAsync([path], cancellationToken: TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<ConfigMergeException>()).Which.Message.Should().StartWith($"{path}:3: the file is not valid UTF-8");
    }

    [Fact]
    public async Task MergeFilesAsync_SyntaxErrorThenUnreadableFile_ReportsTheUnreadableFile()
    {
        // merge_configs reads every file before it parses any: a later directory is reported before an earlier
        // syntax error, although the files are now read and scanned in parallel.
        var good = await WriteAsync("good.conf", "[a]\nk = v\n");
        var bad = await WriteAsync("bad.conf", "[a]\nno separator\n");
        var directory = Directory.CreateDirectory(Path.Combine(_dir, "dir.conf")).FullName;

        var act = () => IniMerger.MergeFilesAsync([good, bad, directory], cancellationToken: TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<ConfigMergeException>()).Which.Source.Should().Be(directory);
    }

    [Fact]
    public async Task MergeFilesAsync_SyntaxErrorsInTwoFiles_ReportsTheFirstInMergeOrder()
    {
        var first = await WriteAsync("first.conf", "[a]\nk = v\n[b\n");
        var second = await WriteAsync("second.conf", " continuation without a key\n");

        var act = () => IniMerger.MergeFilesAsync([first, second], cancellationToken: TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<ConfigMergeException>()).Which.Message.Should().StartWith($"{first}:3: Invalid section");
    }

    private async Task<string> WriteAsync(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        await File.WriteAllTextAsync(path, text, TestContext.Current.CancellationToken);
        return path;
    }
}
