using Kolla.Configuration;
using Kolla.Globals;
using Kolla.Inventory;
using Kolla.Passwords;
using Kolla.Planning;
using Kolla.Services;

namespace Kolla.Tests.Limits;

/// <summary>
/// Every reader of an input file refuses one past the document limit (16 MiB) with its own one-line error, instead of
/// reading it whole: <c>-e @/dev/zero</c> or a runaway generated file must not eat the deploy host's memory.
/// </summary>
public sealed class InputFileLimitTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kolla-input-limit-");
    private readonly string _big;

    public InputFileLimitTests()
    {
        // A YAML comment one byte past the limit: valid YAML, INI and inventory, and cheap to parse were it read.
        _big = Path.Combine(_dir.FullName, "big.yml");
        using var file = File.Create(_big);
        file.Write("# "u8);
        file.Write(Enumerable.Repeat((byte)'x', (int)KollaLimits.Default.MaxDocumentBytes - 1).ToArray());
    }

    public void Dispose() => _dir.Delete(recursive: true);

    public static TheoryData<string> Readers => ["globals", "passwords", "genpwd", "inventory", "extra vars", "config source", "catalogue overlay", "override tree"];

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Read_FileOverTheDocumentLimit_IsRefusedNamingFileAndLimit(string reader)
    {
        var ct = TestContext.Current.CancellationToken;
        Func<Task> act = reader switch
        {
            "globals" => () => KollaGlobals.LoadAsync(_big, cancellationToken: ct),
            "passwords" => () => PasswordStore.LoadAsync(_big, ct),
            "genpwd" => () => GenPwd.RunAsync(_big, createIfMissing: false, cancellationToken: ct),
            "inventory" => () => InventoryLoader.LoadAsync(_big, ct),
            "extra vars" => () => ExtraVariables.LoadAsync(["@" + _big], ct),
            "config source" => () => ConfigSource.ReadFileAsync(_big, ct),
            "catalogue overlay" => () => ServiceCatalogueLoader.LoadAsync(Overlay(), ct),
            _ => () => OverrideTree.LoadAsync(_dir.FullName, ct),
        };

        var error = (await act.Should().ThrowAsync<KollaException>()).Which;

        error.Message.Should().Contain(reader == "catalogue overlay" ? "keystone/service.yml" : "big.yml")
            .And.Contain("larger than 16 MiB (set KOLLA_MAX_DOCUMENT_BYTES to read larger files)");
        error.Message.Should().NotContain("\n");
    }

    [Fact]
    public async Task ReadAllBytes_EndlessFile_StopsOneChunkPastTheLimit()
    {
        var limits = KollaLimits.Default with { MaxDocumentBytes = 1000 };

        var act = () => InputFile.ReadAllBytesAsync("/dev/zero", limits, TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<InputTooLargeException>()).Which.Message.Should().Be(
            "the file is larger than 1000 bytes (set KOLLA_MAX_DOCUMENT_BYTES to read larger files)");
    }

    [Fact]
    public async Task ReadAllText_FileAtTheLimit_IsReadWhole()
    {
        var path = Path.Combine(_dir.FullName, "small.yml");
        await File.WriteAllTextAsync(path, "\ufeffa: é\n", TestContext.Current.CancellationToken);
        var limits = KollaLimits.Default with { MaxDocumentBytes = new FileInfo(path).Length };

        var text = await InputFile.ReadAllTextAsync(path, limits: limits, cancellationToken: TestContext.Current.CancellationToken);

        text.Should().Be("a: é\n");
    }

    private string Overlay()
    {
        var service = Directory.CreateDirectory(Path.Combine(_dir.FullName, "catalogue", "keystone"));
        File.CreateSymbolicLink(Path.Combine(service.FullName, "service.yml"), _big);
        return Path.GetDirectoryName(service.FullName)!;
    }
}
