using System.Collections.ObjectModel;
using Kolla.Templates;
using Kolla.Variables;

namespace Kolla.Tests.Templates;

/// <summary>
/// Long read-only lists of plain values (a group's hosts) are converted once per renderer and shared between renders;
/// mutable lists and lists holding templated values are converted on every render.
/// </summary>
public class SharedListTests
{
    private static List<object?> Hosts(int count) => Enumerable.Range(1, count).Select(i => (object?)$"compute{i:000}").ToList();

    [Fact]
    public void Read_OnlyListRendersTheSameForEveryScope()
    {
        var renderer = new TemplateRenderer();
        var hosts = new ReadOnlyCollection<object?>(Hosts(40));
        var template = renderer.Compile("{{ name in hosts }} {{ hosts | length }} {{ hosts[39] }} {{ hosts | join(',') | length }}", "t");

        var first = template.Render(Scope(hosts, "compute007"));
        var second = template.Render(Scope(hosts, "control01"));

        first.Should().Be("True 40 compute040 439");
        second.Should().Be("False 40 compute040 439");
    }

    [Fact]
    public void In_SharedList_IsLookedUpInItsTextsAsPythonCompares()
    {
        var renderer = new TemplateRenderer();
        var items = new ReadOnlyCollection<object?>([.. Hosts(20), 7L, true, null]);
        var template = renderer.Compile("{{ name in hosts }} {{ name not in hosts }} {{ '7' in hosts }} {{ 7 in hosts }} {{ 1 in hosts }} {{ 'True' in hosts }}", "t");

        var found = template.Render(Scope(items, "compute020"));
        var missing = template.Render(Scope(items, "compute021"));

        found.Should().Be("True False False True True False");
        missing.Should().Be("False True False True True False");
        renderer.SharedLists.TryGetValue(items, out var shared).Should().BeTrue();
        renderer.SharedTexts(shared!.Value!).Should().HaveCount(20, "a text in the shared list is found in its set of texts, not by a scan");
    }

    [Fact]
    public void Mutable_ListIsReadAfreshOnEveryRender()
    {
        var renderer = new TemplateRenderer();
        var hosts = Hosts(40);
        var template = renderer.Compile("{{ hosts | length }} {{ hosts | last }}", "t");
        template.Render(Scope(hosts, "x")).Should().Be("40 compute040");

        hosts.Add("compute041");

        template.Render(Scope(hosts, "x")).Should().Be("41 compute041");
    }

    [Fact]
    public void Templated_ItemsAreEvaluatedInEachScope()
    {
        var renderer = new TemplateRenderer();
        var items = new ReadOnlyCollection<object?>([.. Hosts(30), "{{ name }}"]);
        var template = renderer.Compile("{{ hosts | last }}", "t");

        template.Render(Scope(items, "a")).Should().Be("a");
        template.Render(Scope(items, "b")).Should().Be("b");
    }

    private static DictionaryVariableScope Scope(object hosts, string name) =>
        new(new Dictionary<string, object?> { ["hosts"] = hosts, ["name"] = name });
}
