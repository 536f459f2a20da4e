using Kolla.Compat;

namespace Kolla.Tests.Compat;

/// <summary>Words split as Python's <c>shlex</c> splits them, with each caller's options.</summary>
public sealed class ShellWordsTests
{
    /// <summary>A container's command, as kolla_container's <c>shlex.split(command)</c>.</summary>
    [Theory]
    [InlineData("kolla_start", new[] { "kolla_start" })]
    [InlineData("  sh   -c  'echo a b'  ", new[] { "sh", "-c", "echo a b" })]
    [InlineData("bash -c \"echo \\\"x\\\" \\$HOME\"", new[] { "bash", "-c", "echo \"x\" \\$HOME" })]
    [InlineData("a\\ b c", new[] { "a b", "c" })]
    [InlineData("x '' y", new[] { "x", "", "y" })]
    [InlineData("pre'mid'\"end\"", new[] { "premidend" })]
    [InlineData("a#b c", new[] { "a#b", "c" })]
    [InlineData("", new string[0])]
    public void Split_Command_PosixRules(string line, string[] expected)
    {
        ShellWords.Split(line).Should().Equal(expected);
    }

    [Theory]
    [InlineData("echo 'open")]
    [InlineData("echo \"open")]
    [InlineData("echo \\")]
    public void Split_Command_Unbalanced_ThrowsNamingTheCommand(string line)
    {
        var act = () => ShellWords.Split(line);

        act.Should().Throw<FormatException>().WithMessage($"* in command: {line}");
    }

    /// <summary>Inventory host lines, as ansible's INI plugin's <c>shlex.split(line, comments=True)</c>.</summary>
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
    public void Split_Comments_LikePythonShlex(string line, string[] expected)
    {
        ShellWords.Split(line, ShellSplitOptions.Comments).Should().Equal(expected);
    }

    [Theory]
    [InlineData("host x=\"abc", "No closing quotation")]
    [InlineData("host x=abc\\", "No escaped character")]
    public void Split_Unterminated_Throws(string line, string message)
    {
        var act = () => ShellWords.Split(line, ShellSplitOptions.Comments);

        act.Should().Throw<FormatException>().WithMessage(message);
    }

    /// <summary><c>os-release</c>, as the distro library's <c>shlex.shlex(text, posix=True)</c> lexer reads it.</summary>
    [Theory]
    [InlineData("A=\"x y\" B='p q' C=a\\ b", "A=x y|B=p q|C=a b")]
    [InlineData("A=1 # comment B=2\nC=3", "A=1|C=3")]
    [InlineData("A=\"say \\\"hi\\\" \\n\"", "A=say \"hi\" \\n")]
    [InlineData("A=\"\"", "A=")]
    [InlineData("A='open", "A=open")]
    [InlineData("A=\"open\\", "A=open\\")]
    [InlineData("A=b\\", "A=b")]
    public void Split_Lenient_EndsOpenQuotesAtTheEnd(string text, string expected)
    {
        string.Join('|', ShellWords.Split(text, ShellSplitOptions.Comments | ShellSplitOptions.Lenient)).Should().Be(expected);
    }

    [Fact]
    public void Split_UnicodeWhitespace_OnlyForCommands()
    {
        ShellWords.Split("a\u00a0b\vc").Should().Equal("a", "b", "c");
        ShellWords.Split("a\u00a0b\vc", ShellSplitOptions.None).Should().Equal("a\u00a0b\vc");
    }
}
