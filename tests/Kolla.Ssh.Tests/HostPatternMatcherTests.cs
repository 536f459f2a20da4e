using Kolla.Ssh;

namespace Kolla.Tests;

public sealed class HostPatternMatcherTests
{
    [Theory]
    [InlineData("node1", "node1", true)]
    [InlineData("node1", "node2", false)]
    [InlineData("node1", "*", true)]
    [InlineData("", "*", true)]
    [InlineData("node1", "n*1", true)]
    [InlineData("node1", "n*2", false)]
    [InlineData("node1", "*o*e*", true)]
    [InlineData("node1", "?ode?", true)]
    [InlineData("node1", "?ode", false)]
    [InlineData("aaa", "a*a*a", true)]
    [InlineData("aa", "a*a*a", false)]
    [InlineData("NODE1", "node1", true)]
    public void MatchesWildcard_BehavesLikeGlob(string text, string pattern, bool expected)
    {
        HostPatternMatcher.MatchesWildcard(text, pattern).Should().Be(expected);
    }

    [Theory]
    [InlineData("node1", "node1,node2", true)]
    [InlineData("node3", "node1,node2", false)]
    [InlineData("node1", "node*,!node1", false)]
    [InlineData("node1", "!node1,node*", false)]
    [InlineData("node2", "node*,!node1", true)]
    [InlineData("node2", "!node1", false)]
    [InlineData("node2", ",,node2", true)]
    public void MatchesList_HonoursNegation(string name, string list, bool expected)
    {
        HostPatternMatcher.MatchesList(name, list).Should().Be(expected);
    }
}
