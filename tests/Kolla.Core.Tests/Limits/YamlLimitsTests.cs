using Kolla.Compat;

namespace Kolla.Tests.Limits;

/// <summary>
/// The YAML limits (docs/limits.md), enforced while the document is composed, before anything walks the values: depth
/// counted through aliases, the size aliases expand a document to, and the length of the text.
/// </summary>
public sealed class YamlLimitsTests
{
    [Fact]
    public void Compose_NestedToTheLimit_IsAcceptedAndOneMoreIsRefused()
    {
        var deepest = new string('[', KollaLimits.YamlDepth) + new string(']', KollaLimits.YamlDepth);

        YamlLoader.Compose(deepest).Should().NotBeNull();
        var act = () => YamlLoader.Compose("[" + deepest + "]");
        act.Should().Throw<YamlLoadException>().WithMessage("the document is nested deeper than 512 levels");
    }

    [Fact]
    public void Compose_AliasesStackingShallowAnchorsPastTheDepthLimit_IsRefusedAtTheAlias()
    {
        // Each anchor is 200 deep, each alias stands for its whole depth: a writer or template walking a3 would go 600 deep
        // (with 400 such anchors, deep enough to overflow the stack of `kolla config merge-yaml`).
        var yaml = "a0: &a0 x\n" + string.Join("\n", Enumerable.Range(1, 3).Select(i => $"a{i}: &a{i} {new string('[', 200)}*a{i - 1}{new string(']', 200)}")) + "\n";

        var act = () => YamlLoader.Compose(yaml);

        var error = act.Should().Throw<YamlLoadException>().Which;
        error.Message.Should().Be("the document is nested deeper than 512 levels (through alias 'a2')");
        error.Line.Should().Be(4);
    }

    [Fact]
    public void Compose_BillionLaughs_IsRefusedAtTheAliasThatExpandsItTooFar()
    {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
            + string.Join("\n", Enumerable.Range(1, 9).Select(i => $"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]")) + "\n";

        var act = () => YamlLoader.Compose(yaml);

        var error = act.Should().Throw<YamlLoadException>().Which;
        error.Message.Should().StartWith("aliases expand the document past 1000000 nodes and characters, 10 times its own size (alias 'a4' stands for 111111)");
        error.Line.Should().Be(6);
    }

    [Fact]
    public void Compose_LongTextRepeatedByAliases_IsRefused()
    {
        // 200,000 characters written once, used 100 times: 20 million characters for whoever prints it.
        var yaml = $"a: &a {new string('x', 200_000)}\nb: [{string.Join(", ", Enumerable.Repeat("*a", 100))}]\n";

        var act = () => YamlLoader.Compose(yaml);

        var error = act.Should().Throw<YamlLoadException>().Which;
        error.Message.Should().StartWith("aliases expand the document past 2000040 nodes and characters, 10 times its own size (alias 'a' stands for 200000)");
        error.Line.Should().Be(2);
    }

    [Fact]
    public void Compose_MergeKeysSharedByThousandsOfHosts_AreAccepted()
    {
        var defaults = string.Join("\n", Enumerable.Range(0, 20).Select(i => $"  key{i}: value{i}"));
        var hosts = string.Join("\n", Enumerable.Range(0, 2000).Select(i => $"host{i}:\n  <<: *defaults\n  id: {i}"));

        var root = YamlLoader.Compose($"defaults: &defaults\n{defaults}\n{hosts}\n");

        root.Should().BeOfType<YMapping>().Which.Entries.Should().HaveCount(2001);
    }

    [Fact]
    public void Compose_TextLongerThanTheLimit_IsRefusedAtTheLineWhereItCrossesIt()
    {
        var limits = KollaLimits.Default with { MaxDocumentBytes = 100 };
        var yaml = string.Concat(Enumerable.Range(0, 10).Select(i => $"key{i}: {new string('v', 12)}\n")); // 20 characters a line

        var act = () => YamlLoader.Compose(yaml, limits: limits);

        var error = act.Should().Throw<YamlLoadException>().Which;
        error.Message.Should().Be("the document is longer than 100 characters (set KOLLA_MAX_DOCUMENT_BYTES to read longer ones)");
        error.Line.Should().Be(6);
    }

    [Fact]
    public void Compose_JsonNestedPastTheLimit_IsRefusedLikeYaml()
    {
        var json = new string('[', 600) + new string(']', 600);

        var act = () => YamlLoader.Compose(json, jsonFirst: true);

        act.Should().Throw<YamlLoadException>().WithMessage("the document is nested deeper than 512 levels");
    }
}
