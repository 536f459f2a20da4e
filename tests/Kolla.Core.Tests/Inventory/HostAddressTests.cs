using Kolla.Inventory;

namespace Kolla.Tests.Inventory;

/// <summary>Host ranges and <c>host:port</c>, as ansible-core's <c>expand_hostname_range</c> and <c>parse_address</c>.</summary>
public sealed class HostAddressTests
{
    [Theory]
    [InlineData("web[01:03]", "web01 web02 web03")]
    [InlineData("web[1:3]", "web1 web2 web3")]
    [InlineData("web[8:11]", "web8 web9 web10 web11")]
    [InlineData("web[:2]", "web0 web1 web2")]
    [InlineData("web[0:10:4]", "web0 web4 web8")]
    [InlineData("web[001:010:3]", "web001 web004 web007 web010")]
    [InlineData("db-[a:c].example", "db-a.example db-b.example db-c.example")]
    [InlineData("x[y:B]", "xy xz xA xB")]
    [InlineData("n[1:2]-[a:b]", "n1-a n1-b n2-a n2-b")]
    [InlineData("web[3:1]", "")]
    public void ExpandRanges_Pattern_ListsHostsInOrder(string pattern, string expected)
    {
        HostAddress.ExpandRanges(pattern).Should().Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("web[1]", "host range must be begin:end or begin:end:step")]
    [InlineData("web[1:]", "host range must specify end value")]
    [InlineData("web[01:100]", "host range must specify equal-length begin and end formats")]
    [InlineData("web[c:a]", "host range must have begin <= end")]
    [InlineData("web[a:5]", "invalid literal for int() with base 10: 'a'")]
    [InlineData("web[1:5:0]", "host range step must not be zero")]
    [InlineData("web[1:5", "unterminated host range in 'web[1:5'")]
    public void ExpandRanges_BadRange_SaysWhy(string pattern, string message)
    {
        var act = () => HostAddress.ExpandRanges(pattern);

        act.Should().Throw<FormatException>().WithMessage(message);
    }

    [Theory]
    [InlineData("host1", "host1", null)]
    [InlineData("host1:2222", "host1", 2222)]
    [InlineData("web[01:03]:22", "web[01:03]", 22)]
    [InlineData("10.0.0.1:22", "10.0.0.1", 22)]
    [InlineData("[fe80::1]:22", "fe80::1", 22)]
    [InlineData("fe80::1", "fe80::1", null)]
    [InlineData("a.b-c.example.com", "a.b-c.example.com", null)]
    public void Parse_Address_SplitsThePort(string text, string host, int? port)
    {
        HostAddress.Parse(text).Should().Be((host, port));
    }

    [Theory]
    [InlineData("host_")]
    [InlineData("web*")]
    [InlineData("g1:g2")]
    [InlineData("a b")]
    public void Parse_NotAnAddress_ReturnsNull(string text)
    {
        HostAddress.Parse(text).Should().BeNull();
    }
}
