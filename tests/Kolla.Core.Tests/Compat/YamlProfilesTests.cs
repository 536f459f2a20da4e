using System.Numerics;
using Kolla.Compat;
using Kolla.Configuration;

namespace Kolla.Tests.Compat;

/// <summary>One loader, three profiles: what each builds from the same document (expectations checked with PyYAML 6).</summary>
public sealed class YamlProfilesTests
{
    private const string Document = "yes: 1\n~: 2\nbig: 123456789012345678901234567890\nwhen: 2001-12-14 21:59:43.10 -00:00\n";

    [Fact]
    public void Vars_KeysAreStrOfTheKey_BigIntsAndTimestampsStayText()
    {
        var map = (OrderedDictionary<string, object?>)YamlLoader.Load(Document, AnsibleYamlProfile.Vars)!;

        map.Keys.Should().Equal("True", "None", "big", "when");
        map["big"].Should().Be("123456789012345678901234567890");
        map["when"].Should().Be("2001-12-14 21:59:43.10 -00:00");
    }

    [Fact]
    public void Inventory_KeysAreJsonText_BigIntsStayBig_TimestampsAreIsoformat()
    {
        var map = (Dictionary<string, object?>)YamlLoader.Load(Document, AnsibleYamlProfile.Inventory)!;

        map.Keys.Should().Equal("true", "null", "big", "when");
        map["big"].Should().Be(BigInteger.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture));
        map["when"].Should().Be("2001-12-14T21:59:43.100000+00:00");
    }

    [Fact]
    public void SafeLoad_KeepsPythonKeysAndDatetimeObjects()
    {
        var map = (YamlMapping)YamlLoader.Load(Document, SafeLoadProfile.Instance)!;

        map.Keys.Should().Equal(true, null, "big", "when");
        map["when"].Should().BeOfType<YamlTimestamp>().Which.ToString().Should().Be("2001-12-14 21:59:43.100000+00:00");
    }

    [Fact]
    public void MergeKeys_FollowPyYamlsOrder_InEveryProfile()
    {
        const string yaml = "a: &a {x: 1, y: 2}\nb: &b {y: 3, z: 4}\nc:\n  w: 0\n  <<: [*a, *b]\n";

        var vars = (OrderedDictionary<string, object?>)((OrderedDictionary<string, object?>)YamlLoader.Load(yaml, AnsibleYamlProfile.Vars)!)["c"]!;
        var safe = (YamlMapping)((YamlMapping)YamlLoader.Load(yaml, SafeLoadProfile.Instance)!)["c"]!;

        vars.Keys.Should().Equal("y", "z", "x", "w");
        vars.Values.Should().Equal(2L, 4L, 1L, 0L);
        safe.Keys.Should().Equal("y", "z", "x", "w");
    }

    [Theory]
    [InlineData("v: ! 123\n", 123L)]
    [InlineData("v: ! '123'\n", 123L)]
    [InlineData("v: !unsafe '{{ x }}'\n", "{{ x }}")]
    [InlineData("v: !vault x\n", "x")]
    [InlineData("v: !custom x\n", "x")]
    public void Vars_Tags(string yaml, object expected)
    {
        ((OrderedDictionary<string, object?>)YamlLoader.Load(yaml, AnsibleYamlProfile.Vars)!)["v"].Should().Be(expected);
    }

    [Theory]
    [InlineData("v: !vault x\n", "found a !vault value")]
    [InlineData("v: !custom x\n", "could not determine a constructor for the tag '!custom'")]
    [InlineData("v: !!set {a: null}\n", "not supported")]
    [InlineData("v: &m {<<: *m}\n", "merges itself")]
    [InlineData("v: &a 1\nw: &a 2\n", "duplicate anchor")]
    public void Inventory_RefusesWhatAnsibleRefuses(string yaml, string reason)
    {
        var act = () => YamlLoader.Load(yaml, AnsibleYamlProfile.Inventory);

        act.Should().Throw<YamlLoadException>().Which.Message.Should().Contain(reason);
    }

    [Fact]
    public void ValueKey_IsTheStringEquals()
    {
        ((OrderedDictionary<string, object?>)YamlLoader.Load("=: 1\n", AnsibleYamlProfile.Vars)!).Keys.Should().Equal("=");
    }
}
