using System.Numerics;
using Kolla.Compat;
using Kolla.Configuration;

namespace Kolla.Tests.Configuration;

/// <summary>merge_yaml semantics and PyYAML's dump (KOLLA-REFERENCE-A section 2), one behaviour per test.</summary>
public sealed class YamlMergerTests
{
    private static string Merge(params string[] texts) => MergeWith(new YamlMergeOptions(), texts);

    private static string MergeWith(YamlMergeOptions options, params string[] texts) =>
        YamlMerger.MergeToText(texts.Select((t, i) => ConfigSource.FromText($"{i + 1}.yml", t)), options);

    private static ConfigMergeException Error(YamlMergeOptions options, params string[] texts)
    {
        var act = () => MergeWith(options, texts);
        return act.Should().Throw<ConfigMergeException>().Which;
    }

    [Fact]
    public void Merge_DeepMergeListReplaceNullAndSorting_MatchesKolla()
    {
        var text = Merge(
            "cluster:\n  name: kolla\n  nodes: [n1, n2]\n  tls: {enabled: false, port: 9300}\npath:\n  data: /var/lib/x\n",
            "cluster:\n  nodes: [n3]\n  tls:\n    enabled: true\n  extra: null\nzeta: 1\nalpha: 2\n");

        text.Should().Be("alpha: 2\ncluster:\n  extra: null\n  name: kolla\n  nodes:\n  - n3\n  tls:\n    enabled: true\n    port: 9300\npath:\n  data: /var/lib/x\nzeta: 1\n");
    }

    [Fact]
    public void Merge_ExtendLists_AppendsKeepingDuplicates()
    {
        var text = MergeWith(new YamlMergeOptions { ExtendLists = true }, "l: [1, 2]\nm: {n: [a]}\n", "l: [2]\nm: {n: [b]}\n");

        text.Should().Be("l:\n- 1\n- 2\n- 2\nm:\n  n:\n  - a\n  - b\n");
    }

    [Fact]
    public void Merge_ExtendLists_ExtendsASharedListEverywhereItIsUsed()
    {
        // merge_yaml extends in place, so an aliased list grows at both keys (and is written once with an anchor).
        var text = MergeWith(new YamlMergeOptions { ExtendLists = true }, "a: &l [1]\nb: *l\n", "a: [2]\n");

        text.Should().Be("a: &id001\n- 1\n- 2\nb: *id001\n");
    }

    [Fact]
    public void Merge_EmptyMappingOverScalar_LeavesTheScalar()
    {
        Merge("a: 5\n", "a: {}\n").Should().Be("a: 5\n");
    }

    [Fact]
    public void Merge_ScalarOverMapping_Replaces()
    {
        Merge("a:\n  b: 1\n", "a: 5\n").Should().Be("a: 5\n");
    }

    [Fact]
    public void Merge_LaterNull_KeepsTheKeyAsNull()
    {
        Merge("a: 1\n", "a: ~\n").Should().Be("a: null\n");
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("null\n")]
    [InlineData("false\n")]
    [InlineData("0\n")]
    [InlineData("[]\n")]
    [InlineData("{}\n")]
    [InlineData("''\n")]
    public void Merge_EmptyOrFalsyDocument_CountsAsEmptyMapping(string text)
    {
        Merge(text).Should().Be("{}\n");
        Merge("a: 1\n", text).Should().Be("a: 1\n");
    }

    [Fact]
    public void Merge_MissingSources_AreSkipped()
    {
        YamlMerger.MergeToText([ConfigSource.Missing("x.yml"), ConfigSource.FromText("y.yml", "a: 1\n")]).Should().Be("a: 1\n");
        YamlMerger.MergeToText([ConfigSource.Missing("x.yml")]).Should().Be("{}\n");
    }

    [Fact]
    public void Merge_Yaml11Typing_MatchesPyYaml()
    {
        Merge("greeting: \"héllo\"\nenabled: yes\nmode: \"on\"\nperm: 0644\nport: \"8080\"\nempty:\non: key\n")
            .Should().Be("greeting: \"h\\xE9llo\"\nenabled: true\nmode: 'on'\nperm: 420\nport: '8080'\nempty: null\ntrue: key\n", "the key true (from 'on') cannot be ordered against strings, so insertion order is kept");
    }

    [Fact]
    public void Load_Numbers_FollowPyYamlConstructors()
    {
        var merged = YamlMerger.Merge([ConfigSource.FromText("n.yml", "a: 1.0e+20\nb: 1_000.5\nc: 190:20:30.15\nd: 12:30\ne: -0b101\nf: 0o17\ng: 3.\nh: 0x1F\n")]);

        merged["a"].Should().Be(1e20);
        merged["b"].Should().Be(1000.5);
        ((double)merged["c"]!).Should().BeApproximately(685230.15, 1e-6);
        merged["d"].Should().Be(new BigInteger(750));
        merged["e"].Should().Be(new BigInteger(-5));
        merged["f"].Should().Be("0o17");
        merged["g"].Should().Be(3.0);
        merged["h"].Should().Be(new BigInteger(31));
    }

    [Fact]
    public void Write_Floats_UsePythonReprWithDotBeforeExponent()
    {
        Merge("a: 1.0e+16\nb: 1.0e-05\nc: 100.0\nd: -0.0\ne: .nan\nf: .inf\ng: -.inf\nh: 0.1\ni: 1.5e+300\nj: 123456789.123\n")
            .Should().Be("a: 1.0e+16\nb: 1.0e-05\nc: 100.0\nd: -0.0\ne: .nan\nf: .inf\ng: -.inf\nh: 0.1\ni: 1.5e+300\nj: 123456789.123\n");
    }

    [Fact]
    public void Write_Timestamps_UseIsoformatWithSpaceAndMicroseconds()
    {
        Merge("t1: 2001-12-14t21:59:43.10-05:00\nt2: 2001-12-14 21:59:43.1234567\nt3: 2002-12-14\nt4: 2001-12-14T21:59:43+5\n")
            .Should().Be("t1: 2001-12-14 21:59:43.100000-05:00\nt2: 2001-12-14 21:59:43.123456\nt3: 2002-12-14\nt4: 2001-12-14 21:59:43+05:00\n");
    }

    [Fact]
    public void Write_StringsThatWouldReadAsSomethingElse_AreQuoted()
    {
        var text = Merge("s: ['null', '~', '', 'yes', '<<', '=', \"a\\nb\", ' x', 'x ', \"\\U0001F600\", '1e3', '0644', '- a', '-a', 'a: b', 'a:b', '#x', 'x#y', 'x #y', '@a', '%a', '---', '...x', 'é']\n");

        text.Should().Be("s:\n- 'null'\n- '~'\n- ''\n- 'yes'\n- '<<'\n- '='\n- 'a\n\n  b'\n- ' x'\n- 'x '\n- \"\\U0001F600\"\n- 1e3\n- '0644'\n- '- a'\n- -a\n- 'a: b'\n- a:b\n- '#x'\n- x#y\n- 'x #y'\n- '@a'\n- '%a'\n- '---'\n- '...x'\n- \"\\xE9\"\n");
    }

    [Fact]
    public void Load_MergeKeys_ExpandLikeSafeLoad()
    {
        Merge("base: &b {x: 1, y: [1, 2]}\nd:\n  <<: *b\n  x: 2\nl:\n  <<: [{a: 1}, {a: 2, b: 3}]\n")
            .Should().Be("base:\n  x: 1\n  y: &id001\n  - 1\n  - 2\nd:\n  x: 2\n  y: *id001\nl:\n  a: 1\n  b: 3\n");
    }

    [Fact]
    public void Keys_OneTrueAndOnePointZero_AreTheSameKey()
    {
        Merge("1: a\ntrue: b\n").Should().Be("1: b\n");
        Merge("1: a\n", "1.0: b\n").Should().Be("1: b\n");
    }

    [Fact]
    public void Keys_MixedTypes_KeepInsertionOrder()
    {
        Merge("b: 1\n3: 2\n2: 3\n").Should().Be("b: 1\n3: 2\n2: 3\n");
    }

    [Fact]
    public void Keys_NumbersOfMixedKinds_SortNumerically()
    {
        Merge("2: x\n1.5: y\n10: z\n").Should().Be("1.5: y\n2: x\n10: z\n");
    }

    [Fact]
    public void Keys_LongOrEmpty_UseTheExplicitKeyForm()
    {
        var k122 = new string('a', 122);
        var k123 = new string('b', 123);

        Merge($"{k122}: 1\n{k123}: 2\n'': 3\n").Should().Be($"? ''\n: 3\n{k122}: 1\n? {k123}\n: 2\n");
    }

    [Fact]
    public void Write_EmptyCollections_AreFlow()
    {
        Merge("z: {}\ny: []\nx: [[]]\nw: [{}]\n").Should().Be("w:\n- {}\nx:\n- []\ny: []\nz: {}\n");
    }

    [Fact]
    public void Write_LongPlainString_FoldsAtWidthOrNotAtAll()
    {
        var words = string.Join(' ', Enumerable.Repeat("word", 30));

        Merge($"long: {words}\n").Should().Be($"long: {string.Join(' ', Enumerable.Repeat("word", 16))}\n  {string.Join(' ', Enumerable.Repeat("word", 14))}\n");
        MergeWith(new YamlMergeOptions { Width = 131072 }, $"long: {words}\n").Should().Be($"long: {words}\n");
    }

    [Fact]
    public void Error_MappingOverScalar_NamesFileLineAndKeyPath()
    {
        var error = Error(new YamlMergeOptions(), "a:\n  b: 5\n", "x: 1\na:\n  b:\n    c: 1\n");

        error.Source.Should().Be("2.yml");
        error.Line.Should().Be(3);
        error.Reason.Should().Contain("'a.b'").And.Contain("an integer");
    }

    [Fact]
    public void Error_ExtendWithNonList_NamesFileLineAndKey()
    {
        var error = Error(new YamlMergeOptions { ExtendLists = true }, "l: [1]\n", "l: 2\n");

        error.Message.Should().StartWith("2.yml:1: key 'l': ");
        error.Reason.Should().Contain("list");
    }

    [Fact]
    public void ExtendWithNonList_WithoutExtendLists_Replaces()
    {
        Merge("l: [1]\n", "l: 2\n").Should().Be("l: 2\n");
    }

    [Fact]
    public void Error_TopLevelList_SaysItIsNotAMapping()
    {
        var error = Error(new YamlMergeOptions(), "a: 1\n", "- just\n- a list\n");

        error.Source.Should().Be("2.yml");
        error.Reason.Should().Contain("not a mapping");
    }

    [Theory]
    [InlineData("a: 1\n---\nb: 2\n", 2, "single document")]
    [InlineData("a: *nope\n", 1, "undefined alias")]
    [InlineData("a: &x 1\nb: &x 2\n", 2, "duplicate anchor")]
    [InlineData("? [1]\n: v\n", 1, "unhashable")]
    [InlineData("a: =\n", 1, "tag:yaml.org,2002:value")]
    [InlineData("a: <<\n", 1, "tag:yaml.org,2002:merge")]
    [InlineData("a: 2024-02-30\n", 1, "invalid date")]
    [InlineData("a: !!int x\n", 1, "invalid integer")]
    [InlineData("a: !custom x\n", 1, "could not determine a constructor")]
    [InlineData("a: [1\n", 2, "flow sequence")]
    [InlineData("a: 1\n b: 2\n", 2, "mapping")]
    public void Error_BadDocument_NamesFileAndLine(string text, int line, string reason)
    {
        var error = Error(new YamlMergeOptions(), text);

        error.Source.Should().Be("1.yml");
        error.Line.Should().Be(line);
        error.Reason.Should().Contain(reason);
    }

    [Fact]
    public void Error_MappingContainingItself_FailsCleanly()
    {
        var error = Error(new YamlMergeOptions(), "a: &x\n  b: 1\n  c: *x\n");

        error.Reason.Should().Contain("contains itself");
    }

    [Fact]
    public void Merge_ListContainingItself_IsWrittenWithAnAlias()
    {
        Merge("a: &x [1, *x]\n").Should().Be("a: &id001\n- 1\n- *id001\n");
    }

    [Fact]
    public void Merge_Renderer_IsAppliedToExistingSources()
    {
        var options = new YamlMergeOptions { Renderer = (_, text) => text.Replace("@v@", "2", StringComparison.Ordinal) };

        MergeWith(options, "a: @v@\n").Should().Be("a: 2\n");
    }

    [Fact]
    public void Write_ValueTypes_MatchPyYamlScalars()
    {
        var map = new YamlMapping
        {
            ["s"] = "x",
            ["b"] = false,
            ["i"] = new BigInteger(-3),
            ["f"] = 2.5,
            ["n"] = null,
            ["d"] = new YamlDate(new DateOnly(2024, 1, 31)),
            ["l"] = new YamlSequence(["a", 1]),
        };

        PyYamlWriter.Write(map).Should().Be("b: false\nd: 2024-01-31\nf: 2.5\ni: -3\nl:\n- a\n- 1\nn: null\ns: x\n");
    }

    [Fact]
    public void Write_RootScalar_EndsTheStreamOpen()
    {
        PyYamlWriter.Write("abc").Should().Be("abc\n...\n");
    }
}
