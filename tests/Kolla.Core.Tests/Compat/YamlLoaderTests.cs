using Kolla.Compat;

namespace Kolla.Tests.Compat;

public class YamlLoaderTests
{
    [Fact]
    public void Scalars_AreTypedLikeAnsibleYaml11()
    {
        var doc = YamlLoader.Read("""
            a: yes
            b: Off
            c: 012
            d: 0x1F
            e: 1_000
            f: 1.5
            g: ~
            h:
            i: '12'
            j: "true"
            k: 2001-01-01
            l: 09
            m: !!str 5
            n: .inf
            o: 190:20:30
            """, AnsibleYamlProfile.Vars);
        var map = (IReadOnlyDictionary<string, object?>)doc.Root!;

        map["a"].Should().Be(true);
        map["b"].Should().Be(false);
        map["c"].Should().Be(10L);
        map["d"].Should().Be(31L);
        map["e"].Should().Be(1000L);
        map["f"].Should().Be(1.5);
        map["g"].Should().BeNull();
        map["h"].Should().BeNull();
        map["i"].Should().Be("12");
        map["j"].Should().Be("true");
        map["k"].Should().Be("2001-01-01");
        map["l"].Should().Be("09");
        map["m"].Should().Be("5");
        map["n"].Should().Be(double.PositiveInfinity);
        map["o"].Should().Be(685230L);
    }

    [Fact]
    public void Anchors_MergeKeysAndDuplicatesWorkAsInPyyaml()
    {
        var doc = YamlLoader.Read("""
            base: &base
              x: 1
              y: 2
            derived:
              <<: *base
              y: 3
            dup: 1
            dup: 2
            """, AnsibleYamlProfile.Vars);
        var map = (IReadOnlyDictionary<string, object?>)doc.Root!;
        var derived = (IReadOnlyDictionary<string, object?>)map["derived"]!;

        derived["x"].Should().Be(1L);
        derived["y"].Should().Be(3L);
        map["dup"].Should().Be(2L);
        doc.Warnings.Should().ContainSingle().Which.Should().Be((8, "duplicate key 'dup'; the last value is used"));
        doc.Keys["derived"].Line.Should().Be(4);
    }

    [Fact]
    public void Errors_CarryTheLine()
    {
        var act = () => YamlLoader.Read("a: 1\nb: [1, 2\nc: 3\n", AnsibleYamlProfile.Vars);

        act.Should().Throw<YamlLoadException>().Which.Line.Should().BeGreaterThanOrEqualTo(2);
    }
}
