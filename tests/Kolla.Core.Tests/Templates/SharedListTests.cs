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
