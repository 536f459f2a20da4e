using System.Text;
using Kolla.Compat;

namespace Kolla.Tests.Compat;

/// <summary>The byte-level whitespace rules agree with Python's (<see cref="PyText"/>) for every BMP character.</summary>
public sealed class PyUtf8Tests
{
    [Fact]
    public void TrimmedLengthAndLeadingWhiteSpace_EveryBmpCharacter_MatchPyTextOnTheDecodedText()
    {
        var mismatches = new List<string>();
        for (var c = 0; c <= 0xFFFF; c++)
        {
            if (char.IsSurrogate((char)c))
            {
                continue;
            }

            var s = $"x{(char)c}{(char)c}";
            var utf8 = Encoding.UTF8.GetBytes(s);
            if (PyUtf8.TrimmedLength(utf8) != Encoding.UTF8.GetByteCount(PyText.TrimEnd(s)))
            {
                mismatches.Add($"rstrip U+{c:X4}");
            }

            var reversed = $"{(char)c}{(char)c}x";
            var lead = PyText.LeadingWhiteSpace(reversed);
            if (PyUtf8.LeadingWhiteSpace(Encoding.UTF8.GetBytes(reversed)) != Encoding.UTF8.GetByteCount(reversed.AsSpan(0, lead)))
            {
                mismatches.Add($"lstrip U+{c:X4}");
            }
        }

        mismatches.Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("key")]
    [InlineData("clé")]
    [InlineData("键\u3000")]
    [InlineData("😀k")]
    public void CodePointLength_Utf8_MatchesPythonLen(string text)
    {
        PyUtf8.CodePointLength(Encoding.UTF8.GetBytes(text)).Should().Be(PyText.CodePointLength(text));
    }
}
