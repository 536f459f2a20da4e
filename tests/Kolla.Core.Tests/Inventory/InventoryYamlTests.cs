using Kolla.Inventory;

namespace Kolla.Tests.Inventory;

/// <summary>YAML 1.1 typing as PyYAML does it under ansible (expectations checked with ansible-inventory --host).</summary>
public sealed class InventoryYamlTests
{
    private static object? Value(string yaml) =>
        ((Dictionary<string, object?>)InventoryYaml.Load("v: " + yaml + "\n", "test.yml")!)["v"];

    public static TheoryData<string, object?> Scalars() => new()
    {
        { "1", 1L },
        { "yes", true },
        { "On", true },
        { "NO", false },
        { "off", false },
        { "\"yes\"", "yes" },
        { "017", 15L },
        { "0o17", "0o17" },
        { "08", "08" },
        { "0x1F", 31L },
        { "-0x1F", -31L },
        { "0b101", 5L },
        { "1_000", 1000L },
        { "1:30", 90L },
        { "-0", 0L },
        { "1.0e+5", 100000.0 },
        { "1e5", "1e5" },
        { "1.0e5", "1.0e5" },
        { "0.", 0.0 },
        { ".5", 0.5 },
        { "190:20:30.15", 685230.15 },
        { ".inf", double.PositiveInfinity },
        { "-.Inf", double.NegativeInfinity },
        { "~", null },
        { "null", null },
        { "''", string.Empty },
        { "2001-12-14", "2001-12-14" },
        { "2001-12-14t21:59:43.10-05:00", "2001-12-14T21:59:43.100000-05:00" },
        { "2001-12-14 21:59:43.10", "2001-12-14T21:59:43.100000" },
        { "2002-12-14T01:02:03Z", "2002-12-14T01:02:03+00:00" },
        { "!!str 12", "12" },
        { "!!int '42'", 42L },
        { "!unsafe '{{ x }}'", "{{ x }}" },
        { "é", "é" },
        { "'it''s'", "it's" },
    };

    [Theory]
    [MemberData(nameof(Scalars))]
    public void Load_Scalar_TypedLikePyYaml(string yaml, object? expected)
    {
        Value(yaml).Should().Be(expected);
    }

    [Fact]
    public void Load_Json_NumbersWithExponentAreFloats()
    {
        var value = (Dictionary<string, object?>)InventoryYaml.Load("{\"a\": 1e5, \"b\": 2, \"c\": [true, null]}", "x.json")!;

        value["a"].Should().Be(100000.0);
        value["b"].Should().Be(2L);
        value["c"].Should().BeOfType<List<object?>>().Which.Should().Equal(true, null);
    }

    [Fact]
    public void Load_DuplicateKey_LastValueWinsAtFirstPosition()
    {
        var value = (Dictionary<string, object?>)InventoryYaml.Load("a: 1\nb: 2\na: 3\n", "x.yml")!;

        value.Keys.Should().Equal("a", "b");
        value["a"].Should().Be(3L);
    }

    [Fact]
    public void Load_MergeKeys_OwnKeysWin()
    {
        var value = (Dictionary<string, object?>)InventoryYaml.Load("base: &b {x: 1, y: 2}\nother:\n  <<: *b\n  y: 3\n", "x.yml")!;

        var other = value["other"].Should().BeOfType<Dictionary<string, object?>>().Subject;
        other["x"].Should().Be(1L);
        other["y"].Should().Be(3L);
    }

    [Fact]
    public void Load_NonStringKeys_BecomeJsonKeyText()
    {
        var value = (Dictionary<string, object?>)InventoryYaml.Load("1: a\ntrue: b\n~: c\n1.5: d\n", "x.yml")!;

        value.Keys.Should().Equal("1", "true", "null", "1.5");
    }

    [Fact]
    public void Load_SyntaxError_NamesFileAndLine()
    {
        var act = () => InventoryYaml.Load("a: 1\nb: [unclosed\nc: 2\n", "bad.yml");

        var error = act.Should().Throw<InventoryException>().Which;
        error.File.Should().Be("bad.yml");
        error.Line.Should().BeGreaterThanOrEqualTo(2);
        error.Reason.Should().StartWith("YAML syntax error");
    }

    [Fact]
    public void Load_Vault_IsRefused()
    {
        var act = () => InventoryYaml.Load("secret: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  6162\n", "vault.yml");

        act.Should().Throw<InventoryException>().WithMessage("vault.yml:1: found a !vault value*");
    }
}
