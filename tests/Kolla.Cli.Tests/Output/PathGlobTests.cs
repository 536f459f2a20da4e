using Kolla.Cli.Output;

namespace Kolla.Tests.Output;

/// <summary><c>--diff GLOB</c>: parts match whole path segments, anywhere unless the pattern starts with <c>/</c>.</summary>
public sealed class PathGlobTests
{
    [Theory]
    [InlineData("nova*", "/etc/kolla/nova-api/nova.conf", true)]
    [InlineData("nova*", "/etc/kolla/keystone/keystone.conf", false)]
    [InlineData("*.conf", "/etc/kolla/keystone/keystone.conf", true)]
    [InlineData("*.conf", "/etc/kolla/keystone/config.json", false)]
    [InlineData("keystone/*.conf", "/etc/kolla/keystone/keystone.conf", true)]
    [InlineData("keystone/*.conf", "/etc/kolla/keystone-ssh/sshd_config", false)]
    [InlineData("keystone", "/etc/kolla/keystone/keystone.conf", true)]
    [InlineData("keystone", "/etc/kolla/keystone-ssh/id_rsa", false)]
    [InlineData("/etc/kolla/nova-api", "/etc/kolla/nova-api/nova.conf", true)]
    [InlineData("/kolla", "/etc/kolla/nova-api/nova.conf", false)]
    [InlineData("nova-api/nova.con?", "/etc/kolla/nova-api/nova.conf", true)]
    [InlineData("", "/etc/kolla/nova-api/nova.conf", false)]
    public void Matches_Pattern_MatchesWholeSegments(string pattern, string path, bool expected)
    {
        new PathGlob(pattern).Matches(path).Should().Be(expected);
    }
}
