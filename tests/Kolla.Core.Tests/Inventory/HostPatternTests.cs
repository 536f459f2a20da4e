using Kolla.Inventory;

namespace Kolla.Tests.Inventory;

/// <summary>Host patterns (<c>--limit</c>); expectations taken from ansible-core 2.14's <c>InventoryManager.get_hosts</c>.</summary>
public sealed class HostPatternTests
{
    private static readonly Kolla.Inventory.Inventory Inventory = InventoryLoader.ParseIni("""
        [web]
        web1
        web2
        web10
        [db]
        db1
        web2
        [lb]
        lb1
        [prod:children]
        web
        db
        [empty]
        """);

    [Theory]
    [InlineData("all", "lb1 web1 web2 web10 db1")]
    [InlineData("web", "web1 web2 web10")]
    [InlineData("web,db", "web1 web2 web10 db1")]
    [InlineData("web:db", "web1 web2 web10 db1")]
    [InlineData("prod:!db", "web1 web10")]
    [InlineData("prod:&db", "web2 db1")]
    [InlineData("!db:prod", "web1 web10")]
    [InlineData("&db:web:lb", "web2")]
    [InlineData("web*", "web1 web2 web10")]
    [InlineData(@"~web\d+", "web1 web2 web10")]
    [InlineData("~web1", "web1 web10")]
    [InlineData("web[0]", "web1")]
    [InlineData("web[-1]", "web10")]
    [InlineData("web[1:2]", "web2 web10")]
    [InlineData("web[1:]", "web2 web10")]
    [InlineData("web[1-2]", "web2 web10")]
    [InlineData("web[2:0]", "web10")]
    [InlineData("web[0:0]", "web1")]
    [InlineData("web1,lb1", "web1 lb1")]
    [InlineData("lb1:web", "lb1 web1 web2 web10")]
    [InlineData("w?b1", "web1")]
    [InlineData("all:!web", "lb1 db1")]
    [InlineData("db1:web1", "db1 web1")]
    [InlineData("*1", "web1 db1 lb1")]
    [InlineData(" web , lb ", "web1 web2 web10 lb1")]
    public void Evaluate_Pattern_SelectsLikeAnsible(string pattern, string expected)
    {
        var hosts = HostPattern.Parse(pattern).Evaluate(Inventory);

        hosts.Select(h => h.Name).Should().Equal(expected.Split(' '));
    }

    [Fact]
    public void Evaluate_EmptyGroup_IsAnEmptySelection()
    {
        HostPattern.Parse("empty").Evaluate(Inventory).Should().BeEmpty();
    }

    [Theory]
    [InlineData("nothing", "host pattern 'nothing' matches no host or group")]
    [InlineData("web:nothing", "host pattern 'nothing' matches no host or group")]
    [InlineData("web:!nothing*", "host pattern 'nothing*' matches no host or group")]
    [InlineData("db[5]", "No hosts matched the subscripted pattern 'db[5]'")]
    [InlineData("~web(", "Invalid host list pattern: ~web(")]
    public void Evaluate_TermMatchingNothing_IsAnErrorNamingIt(string pattern, string message)
    {
        var act = () => HostPattern.Parse(pattern).Evaluate(Inventory);

        act.Should().Throw<InventoryException>().WithMessage(message);
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("prod:&lb")]
    public void Select_NoHostLeft_IsAnError(string pattern)
    {
        var act = () => Inventory.Select(pattern);

        act.Should().Throw<InventoryException>().WithMessage($"host pattern '{pattern}' selects no hosts");
    }

    [Theory]
    [InlineData("a,b:c", "a", "b:c")]
    [InlineData("g1:!g2:&g3", "g1", "!g2", "&g3")]
    [InlineData("web[1:3]:db", "web[1:3]", "db")]
    [InlineData("host:22", "host:22")]
    public void Parse_Text_SplitsTermsAsAnsible(string pattern, params string[] terms)
    {
        HostPattern.Parse(pattern).Terms.Should().Equal(terms);
    }
}
