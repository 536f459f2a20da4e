using Kolla.Inventory;

namespace Kolla.Tests.Inventory;

/// <summary>Inventories and extra vars that cannot be what the operator meant are refused with file and line.</summary>
public sealed class InventoryRejectedInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kolla-inventory-rejected-").FullName;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("hosts")]
    [InlineData("hosts.ini")]
    [InlineData("hosts.yml")]
    public async Task LoadAsync_BinaryThatIsValidUtf8_IsRefusedAtTheFirstControlCharacter(string name)
    {
        // ansible-inventory would parse this with its INI plugin as a host named "\x00\x01\x02\x03abc\x00\x00".
        var path = Path.Combine(_dir, name);
        await File.WriteAllBytesAsync(path, [(byte)'[', (byte)'a', (byte)']', (byte)'\n', 0, 1, 2, 3, (byte)'a', (byte)'b', (byte)'c', 0, 0], Token);

        var act = () => InventoryLoader.LoadAsync(path, Token);

        var error = (await act.Should().ThrowAsync<InventoryException>()).Which;
        error.Line.Should().Be(2);
        error.Message.Should().StartWith($"{path}:2: unacceptable character #x0000 at column 1: an inventory is text");
    }

    [Fact]
    public async Task LoadAsync_BytesThatAreNotUtf8_NameTheirLine()
    {
        var path = Path.Combine(_dir, "hosts");
        await File.WriteAllBytesAsync(path, [.. "[web]\nweb1\nweb"u8, 0xC3, 0x28, (byte)'\n'], Token);

        var act = () => InventoryLoader.LoadAsync(path, Token);

        var error = (await act.Should().ThrowAsync<InventoryException>()).Which;
        error.Message.Should().Be($"{path}:3: file is not valid UTF-8 (byte 0xC3 at offset 14)");
    }

    [Fact]
    public void ParseYaml_EmptyDocument_NamesLine1()
    {
        var act = () => InventoryLoader.ParseYaml("", "empty.yml");

        act.Should().Throw<InventoryException>().Which.Message.Should().Be("empty.yml:1: Parsed empty YAML file");
    }

    [Fact]
    public async Task ExtraVariables_InlineValueThatIsNotAMapping_NamesTheOptionAndLine()
    {
        var act = () => ExtraVariables.LoadAsync(["[1, 2]"], Token);

        (await act.Should().ThrowAsync<InventoryException>()).Which.Message
            .Should().Be("-e '[1, 2]':1: Invalid extra vars data supplied: expected a mapping, got list");
    }

    [Fact]
    public async Task ExtraVariables_FileThatIsNotAMapping_NamesTheFileAndLine()
    {
        var path = Path.Combine(_dir, "vars.yml");
        await File.WriteAllTextAsync(path, "# comment\n- a\n", Token);

        var act = () => ExtraVariables.LoadAsync(["@" + path], Token);

        (await act.Should().ThrowAsync<InventoryException>()).Which.Message
            .Should().Be($"{path}:2: Invalid extra vars data supplied: expected a mapping, got list");
    }

    [Fact]
    public async Task ExtraVariables_LongInlineYamlError_NamesTheOptionCut()
    {
        var option = "{" + string.Join(", ", Enumerable.Range(0, 20).Select(i => $"k{i}: {i}")) + ", bad: [}";

        var act = () => ExtraVariables.LoadAsync([option], Token);

        (await act.Should().ThrowAsync<InventoryException>()).Which.Message
            .Should().StartWith($"-e '{option[..57]}...':1: YAML syntax error: ");
    }
}
