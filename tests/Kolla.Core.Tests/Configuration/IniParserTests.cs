using Kolla.Configuration;

namespace Kolla.Tests.Configuration;

/// <summary>oslo.config's line rules as merge_configs applies them (KOLLA-REFERENCE-A 1.2), one behaviour per test.</summary>
public sealed class IniParserTests
{
    [Fact]
    public void Parse_EqualsOrColonWhicheverComesFirst_SplitsThere()
    {
        var text = Ini.Text("[a]\nk1: x = y\nk2 = x: y\nk3:v\n");

        text.Should().Be("[a]\nk1 = x = y\nk2 = x: y\nk3 = v\n\n");
    }

    [Fact]
    public void Parse_KeyAndValue_AreTrimmedWithPythonWhitespace()
    {
        // U+00A0, U+000C and U+001C are whitespace to Python's str.strip(), and U+00A0 does not start a continuation.
        var text = Ini.Text("[a]\n\u00a0key\f = \u001cvalue\u00a0 \t\n");

        text.Should().Be("[a]\nkey = value\n\n");
    }

    [Fact]
    public void Parse_InnerSpaces_AreKept()
    {
        Ini.Text("[a]\nmy key = two  words\n").Should().Be("[a]\nmy key = two  words\n\n");
    }

    [Theory]
    [InlineData("k = \"quoted value\"", "k = quoted value")]
    [InlineData("k = 'single'", "k = single")]
    [InlineData("k = \"a\" \"b\"", "k = a\" \"b")]
    [InlineData("k = \"mismatch'", "k = \"mismatch'")]
    [InlineData("k = \"", "k =")]
    [InlineData("k = \"\"", "k =")]
    [InlineData("k = x\"y\"", "k = x\"y\"")]
    public void Parse_MatchingOuterQuotes_AreCutOnce(string line, string written)
    {
        Ini.Text("[a]\n" + line + "\n").Should().Be("[a]\n" + written + "\n\n");
    }

    [Fact]
    public void Parse_QuotesOnContinuationLines_AreKept()
    {
        Ini.Text("[a]\nk = \"x\"\n  \"y\"\n").Should().Be("[a]\nk = x\n    \"y\"\n\n");
    }

    [Fact]
    public void Parse_HashAfterValue_IsPartOfTheValue()
    {
        Ini.Text("[a]\npath = /x # not a comment\n").Should().Be("[a]\npath = /x # not a comment\n\n");
    }

    [Fact]
    public void Parse_CommentsAndBlankLines_AreDropped()
    {
        Ini.Text("# top\n[a]\n; old style\n\nk = v\n   \n#\n").Should().Be("[a]\nk = v\n\n");
    }

    [Fact]
    public void Parse_IndentedHashAfterKey_JoinsTheValue()
    {
        Ini.Text("[a]\nk = v\n  # still value\n").Should().Be("[a]\nk = v\n    # still value\n\n");
    }

    [Fact]
    public void Parse_ContinuationLines_AreReindentedUnderTheValue()
    {
        Ini.Text("[a]\nhosts = h1\n  h2\n\th3\nafter = 1\n").Should().Be("[a]\nhosts = h1\n        h2\n        h3\nafter = 1\n\n");
    }

    [Fact]
    public void Parse_ContinuationAfterEmptyFirstValue_KeepsTrailingSpaceAfterEquals()
    {
        Ini.Text("[a]\nk =\n   x\n   y\n").Should().Be("[a]\nk = \n    x\n    y\n\n");
    }

    [Theory]
    [InlineData("\n\n")]
    [InlineData("\n \t\n")]
    [InlineData("\n\u3000\n")]
    public void Parse_BlankOrWhitespaceOnlyLine_EndsTheValue(string separator)
    {
        var act = () => Ini.Merge("[a]\nk = v" + separator + "  more\n");

        act.Should().Throw<ConfigMergeException>().Which.Reason.Should().StartWith("Unexpected continuation line");
    }

    [Fact]
    public void Parse_EmptyValue_IsWrittenWithoutTrailingSpace()
    {
        Ini.Text("[a]\nempty =\nalso:\n").Should().Be("[a]\nempty =\nalso =\n\n");
    }

    [Fact]
    public void Parse_SectionName_IsVerbatimAndNotTrimmed()
    {
        Ini.Text("[ db ]\na = 1\n[a]b]\nb = 2\n[db]   \nc = 3\n").Should().Be("[ db ]\na = 1\n\n[a]b]\nb = 2\n\n[db]\nc = 3\n\n");
    }

    [Fact]
    public void Parse_NamesAreCaseSensitiveAndDefaultIsNotSpecial()
    {
        Ini.Text("[x]\nA = 1\n[default]\nk = 1\n[DEFAULT]\nk = 2\nK = 3\n")
            .Should().Be("[x]\nA = 1\n\n[default]\nk = 1\n\n[DEFAULT]\nk = 2\nK = 3\n\n");
    }

    [Fact]
    public void Parse_KeysBeforeAnyHeader_GoToTheOrphanSectionWrittenWithoutHeader()
    {
        var document = Ini.Merge("top = 1\n[s]\nk = v\n");

        document.OrphanSection!.Find("top")!.First.Lines.Should().Equal("1");
        document.ToText().Should().Be("top = 1\n\n[s]\nk = v\n\n");
    }

    [Fact]
    public void Parse_RepeatedKeyInOneFile_KeepsEveryOccurrence()
    {
        Ini.Text("[a]\nk = 1\n[b]\nx = 1\n[a]\nk = 2\n").Should().Be("[a]\nk = 1\nk = 2\n\n[b]\nx = 1\n\n");
    }

    [Fact]
    public void Parse_RepeatedKeyWithEmptyOccurrence_KeepsTheEmptyOne()
    {
        Ini.Text("[a]\nk = 1\nk =\nk = 3\n").Should().Be("[a]\nk = 1\nk =\nk = 3\n\n");
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Parse_CrLfAndLoneCr_EndLines(string newline)
    {
        Ini.Text(string.Join(newline, "[a]", "k = v", "  w", "x = y")).Should().Be("[a]\nk = v\n    w\nx = y\n\n");
    }

    [Fact]
    public void Parse_MixedLineEndings_CountLinesLikePython()
    {
        var error = Ini.Error("[a]\r\nk = v\rbad\n");

        error.Line.Should().Be(3);
    }

    [Fact]
    public void Parse_LineSeparatorInsideValue_IsNotALineEnd()
    {
        // Python splits on \n, \r\n and \r only; U+2028 and U+0085 stay in the line (and are stripped at its end).
        Ini.Text("[a]\nk = x\u2028y\u0085\n").Should().Be("[a]\nk = x\u2028y\n\n");
    }

    [Fact]
    public void Parse_NoTrailingNewline_StillCommitsTheLastValue()
    {
        Ini.Text("[a]\nk = v\n  w").Should().Be("[a]\nk = v\n    w\n\n");
    }

    [Fact]
    public void Parse_EmptyInput_WritesAnEmptyFile()
    {
        Ini.Text(string.Empty, "# only\n\n; comments\n").Should().BeEmpty();
    }

    [Fact]
    public void Parse_EmptySection_IsWrittenWithItsBlankLine()
    {
        Ini.Text("[a]\nk = v\n[b]\n").Should().Be("[a]\nk = v\n\n[b]\n\n");
    }

    [Fact]
    public void Write_ContinuationIndent_CountsCodePointsNotUtf16Units()
    {
        // "😀k" is 2 code points but 3 UTF-16 units: indent = 2 + 2 + 1 = 5.
        Ini.Text("[a]\n😀k = x\n  y\n").Should().Be("[a]\n😀k = x\n     y\n\n");
    }

    [Fact]
    public void ToUtf8_OutputMuchLongerThanInput_GrowsItsBufferAndMatchesToText()
    {
        // Re-indenting 2-character continuation lines under a 300-character key multiplies the size.
        var key = new string('k', 300);
        var document = Ini.Merge("[a]\n" + key + " = v\n" + string.Concat(Enumerable.Repeat(" é\n", 200)));

        document.ToUtf8().Should().Equal(System.Text.Encoding.UTF8.GetBytes(document.ToText()));
        document.ToText().Length.Should().BeGreaterThan(300 * 200);
    }

    [Fact]
    public void Write_NoWhitespace_DropsSpacesAndShrinksTheIndent()
    {
        Ini.TextNoWhitespace("[DEFAULT]\nkey1 = b\n       c\nkey2 = v\n[c]\nc_key1 =\n")
            .Should().Be("[DEFAULT]\nkey1=b\n     c\nkey2=v\n\n[c]\nc_key1=\n\n");
    }

    [Theory]
    [InlineData("[a]\n  k = v\n", 2, "Unexpected continuation line: '  k = v'")]
    [InlineData("[a]\nk = v\n# c\n  cont\n", 4, "Unexpected continuation line: '  cont'")]
    [InlineData("[a]\n= v\n", 2, "Key cannot be empty: '= v'")]
    [InlineData("[a]\n \u00a0: v\n", 2, "Unexpected continuation line: ' \\xa0: v'")]
    [InlineData("[a]\n\u00a0: v\n", 2, "Key cannot be empty: '\\xa0: v'")]
    [InlineData("[a]\njustword\n", 2, "No ':' or '=' found in assignment: 'justword'")]
    [InlineData("[a] # c\n", 1, "Invalid section (must end with ]): '[a] # c'")]
    [InlineData("[]\n", 1, "Empty section name: '[]'")]
    [InlineData("[a\n", 1, "Invalid section (must end with ]): '[a'")]
    [InlineData("it's\n", 1, "No ':' or '=' found in assignment: \"it's\"")]
    public void Parse_BadLine_FailsWithOsloMessageFileAndLine(string input, int line, string reason)
    {
        var error = Ini.Error(input);

        error.Source.Should().Be("1.conf");
        error.Line.Should().Be(line);
        error.Reason.Should().Be(reason);
        error.Message.Should().Be($"1.conf:{line}: {reason}");
    }

    [Fact]
    public void Parse_ErrorInLaterFile_CountsLinesWithinThatFile()
    {
        var error = Ini.Error("[a]\nk = v\nx = y\n", "[b]\nok = 1\nbroken\n");

        error.Source.Should().Be("2.conf");
        error.Line.Should().Be(3);
    }

    [Fact]
    public void Parse_ByteOrderMark_IsTextAsInPythonAndTheErrorSaysSo()
    {
        var error = Ini.Error("\ufeff[DEFAULT]\nk = v\n");

        error.Line.Should().Be(1);
        error.Reason.Should().Contain("byte order mark");
    }

    [Fact]
    public void Decode_InvalidUtf8_NamesTheLine()
    {
        byte[] bytes = [.. "[a]\nk = "u8, 0xff, .. "\n"u8];
        var act = () => ConfigSource.Decode("x.conf", bytes);

        var error = act.Should().Throw<ConfigMergeException>().Which;
        error.Line.Should().Be(2);
        error.Reason.Should().Contain("UTF-8");
    }

    [Fact]
    public void Parse_Origins_RecordTheKeyLineInItsFile()
    {
        var document = Ini.Merge("[a]\n\nk = 1\n  more\nk = 2\n");

        var entry = document.FindEntry("a", "k")!;
        entry.Values.Select(v => v.Origin).Should().Equal(new IniOrigin("1.conf", 3), new IniOrigin("1.conf", 5));
        entry[0].Lines.Should().Equal("1", "more");
    }
}
