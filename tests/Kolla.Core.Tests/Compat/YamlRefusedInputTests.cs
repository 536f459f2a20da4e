using Kolla.Compat;

namespace Kolla.Tests.Compat;

/// <summary>
/// What PyYAML refuses is refused, at the place PyYAML names. Expectations are PyYAML 6's (python3 -c 'import yaml;
/// yaml.safe_load(...)'): its reader refuses #x0-#x8, #xB, #xC, #xE-#x1F, #x7F-#x84, #x86-#x9F, #xFFFE and #xFFFF
/// anywhere, comments included; its scanner refuses a tab where a token would start.
/// </summary>
public sealed class YamlRefusedInputTests
{
    [Theory]
    [InlineData(0x00)]
    [InlineData(0x01)]
    [InlineData(0x07)]
    [InlineData(0x08)]
    [InlineData(0x0B)]
    [InlineData(0x0C)]
    [InlineData(0x0E)]
    [InlineData(0x1B)]
    [InlineData(0x1F)]
    [InlineData(0x7F)]
    [InlineData(0x80)]
    [InlineData(0x84)]
    [InlineData(0x86)]
    [InlineData(0x9F)]
    [InlineData(0xD800)]
    [InlineData(0xDFFF)]
    [InlineData(0xFFFE)]
    [InlineData(0xFFFF)]
    public void Compose_RefusedCharacterInAValue_IsASyntaxErrorWithLineAndColumn(int code)
    {
        var text = $"a: 1\nb: x{(char)code}y\n";

        var act = () => YamlLoader.Compose(text);

        var error = act.Should().Throw<YamlLoadException>().Which;
        error.Line.Should().Be(2);
        error.IsSyntaxError.Should().BeTrue();
        error.Message.Should().Be($"unacceptable character #x{code:x4} at column 5: special characters are not allowed");
    }

    [Fact]
    public void Compose_NulByte_IsRefusedNotReadAsTheEndOfTheStream()
    {
        // YamlDotNet alone reads "a: b" and stops; PyYAML: "unacceptable character #x0000 ... position 4".
        var act = () => YamlLoader.Compose("a: b\0c\n");

        act.Should().Throw<YamlLoadException>().Which.Message.Should().StartWith("unacceptable character #x0000 at column 5");
    }

    [Fact]
    public void Compose_RefusedCharacterInAComment_IsRefusedToo()
    {
        var act = () => YamlLoader.Compose("a: 1 # bell\a\n");

        act.Should().Throw<YamlLoadException>().Which.Message.Should().StartWith("unacceptable character #x0007 at column 12");
    }

    [Theory]
    [InlineData("a: \"tab\there\"\n")]
    [InlineData("a: \u00A0\uE000\uFFFD\n")]
    [InlineData("a: \U0001F600 \uFEFF\n")]
    [InlineData("\uFEFFa: 1\r\nb: 2\r\n")]
    public void Compose_CharactersPyYamlAccepts_AreAccepted(string text)
    {
        var act = () => YamlLoader.Compose(text);

        act.Should().NotThrow();
    }

    [Fact]
    public void Compose_ColumnsCountCodePointsAndLinesCountEveryPyYamlBreak()
    {
        // An astral character is one column; \r\n, \r and U+2028 each end one line.
        var act = () => YamlLoader.Compose("a: 1\r\nb: 2\rc: 3\u2028d: \U0001F600\a\n");

        var error = act.Should().Throw<YamlLoadException>().Which;
        error.Line.Should().Be(4);
        error.Message.Should().StartWith("unacceptable character #x0007 at column 5");
    }

    [Theory]
    [InlineData("a: 1\nb:\n\t- x\n", 3, 1)]
    [InlineData("a: 1\nb: 2\n\tc: 3\n", 3, 1)]
    [InlineData("x: 1\ny:\n\tz: 1\n", 3, 1)]
    [InlineData("a: |\n  x\n\ty\n", 3, 1)]
    [InlineData("a: |\n\tx\n", 2, 1)]
    [InlineData("a: 1\n\t\nb: 2\n", 2, 1)]
    [InlineData("a: x\n\t y\n", 2, 1)]
    [InlineData("k: v\nkk: |\n   text\n\tmore\n", 4, 1)]
    public void Compose_TabWhereIndentationIsExpected_IsReportedAtTheTab(string text, int line, int column)
    {
        var act = () => YamlLoader.Compose(text);

        var error = act.Should().Throw<YamlLoadException>().Which;
        error.Line.Should().Be(line);
        error.IsSyntaxError.Should().BeTrue();
        error.Message.Should().Be($"found character '\\t' that cannot start any token (column {column}): YAML indents with spaces, not tabs");
    }
}
