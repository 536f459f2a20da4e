using Kolla.Inventory;

namespace Kolla.Tests.Inventory;

/// <summary>Host lines are split like Python's <c>shlex.split(line, comments=True)</c>.</summary>
public sealed class ShellWordsTests
{
    [Theory]
    [InlineData("a b   c", new[] { "a", "b", "c" })]
    [InlineData("host x=\"a b\" y='c d'", new[] { "host", "x=a b", "y=c d" })]
    [InlineData("host x=\"'07'\"", new[] { "host", "x='07'" })]
    [InlineData("host x=1 # comment", new[] { "host", "x=1" })]
    [InlineData("host x=a#b", new[] { "host", "x=a" })]
    [InlineData("host x='a#b'", new[] { "host", "x=a#b" })]
    [InlineData(@"host x=a\ b", new[] { "host", "x=a b" })]
    [InlineData(@"host x=""a\""b""", new[] { "host", "x=a\"b" })]
    [InlineData(@"host x=""a\qb""", new[] { "host", @"x=a\qb" })]
    [InlineData(@"host x='a\qb'", new[] { "host", @"x=a\qb" })]
    [InlineData("host x=''", new[] { "host", "x=" })]
    [InlineData("'' x", new[] { "", "x" })]
    public void Split_Line_LikePythonShlex(string line, string[] expected)
    {
        ShellWords.Split(line).Should().Equal(expected);
    }

    [Theory]
    [InlineData("host x=\"abc", "No closing quotation")]
    [InlineData("host x=abc\\", "No escaped character")]
    public void Split_Unterminated_Throws(string line, string message)
    {
        var act = () => ShellWords.Split(line);

        act.Should().Throw<FormatException>().WithMessage(message);
    }
}
