using Kolla.Containers;

namespace Kolla.Tests.Containers;

public sealed class ShellWordsTests
{
    [Theory]
    [InlineData("kolla_start", new[] { "kolla_start" })]
    [InlineData("  sh   -c  'echo a b'  ", new[] { "sh", "-c", "echo a b" })]
    [InlineData("bash -c \"echo \\\"x\\\" \\$HOME\"", new[] { "bash", "-c", "echo \"x\" \\$HOME" })]
    [InlineData("a\\ b c", new[] { "a b", "c" })]
    [InlineData("x '' y", new[] { "x", "", "y" })]
    [InlineData("pre'mid'\"end\"", new[] { "premidend" })]
    [InlineData("", new string[0])]
    public void Split_PosixRules(string line, string[] expected)
    {
        ShellWords.Split(line).Should().Equal(expected);
    }

    [Theory]
    [InlineData("echo 'open")]
    [InlineData("echo \"open")]
    [InlineData("echo \\")]
    public void Split_Unbalanced_Throws(string line)
    {
        var act = () => ShellWords.Split(line);

        act.Should().Throw<FormatException>();
    }
}
