using Kolla.Templates;
using Kolla.Variables;

namespace Kolla.Tests.Limits;

/// <summary>
/// The Jinja limits (docs/limits.md): what one render may build, write and loop over, and how deep templates and values
/// may nest. Each is a <see cref="TemplateException"/> naming the template and the line, refused before the work is done.
/// </summary>
public sealed class TemplateLimitsTests
{
    private static TemplateException Fail(string template, KollaLimits? limits = null, Dictionary<string, object?>? variables = null)
    {
        var renderer = new TemplateRenderer(new TemplateRendererOptions { Limits = limits ?? KollaLimits.Default });
        var act = () => renderer.Render(template, "t.j2", new DictionaryVariableScope(variables ?? []));
        var error = act.Should().Throw<TemplateException>().Which;
        error.Message.Should().NotContain("\n").And.StartWith("t.j2:");
        return error;
    }

    private static string Render(string template, Dictionary<string, object?>? variables = null) =>
        new TemplateRenderer(new TemplateRendererOptions { Limits = KollaLimits.Default }).Render(template, "t.j2", new DictionaryVariableScope(variables ?? []));

    [Fact]
    public void Render_StringRepeatedPastTheOutputLimit_IsRefusedBeforeItIsBuilt()
    {
        var error = Fail("a\n{{ 'x' * 20000000 }}");

        error.Message.Should().Be("t.j2:2: this would build a text of 20000000 characters, more than 16777216 (set KOLLA_MAX_TEMPLATE_OUTPUT to allow more)");
    }

    [Fact]
    public void Render_ConcatenationDoublingPastTheOutputLimit_IsRefused()
    {
        var doubling = "{% set s = 'x' * 1000000 %}" + string.Concat(Enumerable.Repeat("{% set s = s ~ s %}", 5));

        Fail(doubling).Reason.Should().StartWith("this would build a text of 32000000 characters");
    }

    [Fact]
    public void Render_NestedListRepetition_IsRefusedWhereTheBillionItemsWouldBeBuilt()
    {
        var error = Fail("{{ ([[['x'] * 1000] * 1000] * 1000) | length }}");

        error.Reason.Should().StartWith("this would build a value of about ").And.Contain("characters, more than 16777216");
    }

    [Fact]
    public void Render_ListRepeatedPastTheItemLimit_IsRefused()
    {
        Fail("{{ ([1] * 2000000) | length }}").Reason.Should().Be("this would build a list of 2000000 items, more than 1000000");
    }

    [Fact]
    public void Render_ValueRepeatedBySetStatements_IsRefusedLikeRepetition()
    {
        var template = "{% set a = ['" + new string('x', 1000) + "'] %}"
            + string.Concat(Enumerable.Range(0, 6).Select(_ => "{% set a = [a, a, a, a, a, a, a, a, a, a] %}")) + "{{ a | length }}";

        Fail(template).Reason.Should().StartWith("this would build a value of about");
    }

    [Fact]
    public void Render_Range_IsHeldToTheListLimitLikeEveryList()
    {
        Render("{{ range(100001) | length }}").Should().Be("100001");
        Fail("{{ range(0, 3000000, 2) | length }}").Reason.Should().Be("this would build a list of 1500000 items, more than 1000000");
    }

    [Fact]
    public void Render_ReplaceThatWouldGrowPastTheLimit_IsRefusedBeforeItIsBuilt()
    {
        Fail("{{ ('a' * 10000) | replace('a', 'b' * 10000) }}").Reason.Should().StartWith("this would build a text of 100000000 characters");
    }

    [Theory]
    [InlineData("{{ x ~ x }}")]
    [InlineData("{{ x + x }}")]
    [InlineData("{{ [x, x] | join(',') }}")]
    [InlineData("{{ ','.join([x, x]) }}")]
    [InlineData("{{ '{}{}'.format(x, x) }}")]
    [InlineData("{{ (x ~ '\\n' ~ x) | indent(600) }}")]
    [InlineData("{{ 'a' | center(1200) }}")]
    [InlineData("{{ x | regex_replace('(.)', '\\\\1\\\\1') }}")]
    [InlineData("{{ [x, x] | to_json }}")]
    [InlineData("{{ [x, x] | to_nice_yaml }}")]
    [InlineData("{% set t %}{{ x }}{{ x }}{% endset %}")]
    public void Render_TextBuiltPastTheLimit_IsRefusedWhereItIsBuilt(string template)
    {
        var limits = KollaLimits.Default with { MaxTemplateOutput = 1000 };

        var error = Fail("\n" + template, limits, new() { ["x"] = new string('x', 600) });

        error.Line.Should().Be(2);
        error.Reason.Should().MatchRegex("^(this would build a (text|value) of (about )?[0-9]+ characters, more than 1000|the rendered text is longer than 1000 characters) ");
    }

    [Fact]
    public void Render_ListsJoinedPastTheItemLimit_AreRefused()
    {
        Fail("{% set l = range(600000) | list %}{{ (l + l) | length }}").Reason.Should().Be("this would build a list of 1200000 items, more than 1000000");
    }

    [Fact]
    public void Render_LoopOverATextLongerThanTheItemLimit_IsRefused()
    {
        Fail("{% for c in 'x' * 2000000 %}{% endfor %}").Reason.Should().Be("this would build a list of 2000000 characters, more than 1000000");
    }

    [Fact]
    public void Render_SuperThroughMoreTemplatesThanTheDepthLimit_IsRefused()
    {
        // t0 extends t1 ... extends t150, each block adding to its parent's through super().
        var templates = Enumerable.Range(0, 150).ToDictionary(i => $"t{i}", i => $"{{% extends 't{i + 1}' %}}{{% block b %}}{i} {{{{ super() }}}}{{% endblock %}}");
        templates["t150"] = "{% block b %}end{% endblock %}";
        var renderer = new TemplateRenderer(new TemplateRendererOptions { Limits = KollaLimits.Default, Loader = new Loader(templates) });

        var act = () => renderer.Render(templates["t0"], "t0", DictionaryVariableScope.Empty);

        act.Should().Throw<TemplateException>().Which.Reason.Should().StartWith("templates are nested more than 100 deep (evaluating block 'b')");
    }

    [Fact]
    public void Render_ChainOfVariablesOnASmallStack_EndsInATemplateErrorOrTheValueNeverACrash()
    {
        // Within every numeric limit, but on a 256 KiB stack: the engine checks the stack as it goes deeper.
        var variables = Enumerable.Range(0, 99).ToDictionary(i => $"v{i}", i => (object?)$"{{{{ (v{i + 1} ~ '') | upper | lower }}}}");
        variables["v99"] = "end";
        object? outcome = null;
        var thread = new Thread(() =>
        {
            try
            {
                outcome = Render("{{ v0 }}", variables);
            }
            catch (TemplateException e)
            {
                outcome = e;
            }
        }, maxStackSize: 256 * 1024);

        thread.Start();
        thread.Join();

        outcome.Should().Match(o => "end".Equals(o) || (o is TemplateException && ((TemplateException)o).Reason.StartsWith("the template or a value in it is nested too deeply to evaluate on this thread's stack")));
    }

    [Fact]
    public void Render_OutputPastTheLimit_IsRefusedAtTheStatementWritingIt()
    {
        var limits = KollaLimits.Default with { MaxTemplateOutput = 1000 };

        var error = Fail("start\n{% for i in range(100) %}01234567890123456789{% endfor %}", limits);

        error.Line.Should().Be(2);
        error.Reason.Should().Be("the rendered text is longer than 1000 characters (set KOLLA_MAX_TEMPLATE_OUTPUT to allow more)");
    }

    [Fact]
    public void Render_NestedLoopsPastTheIterationLimit_AreRefusedAtTheLoop()
    {
        var limits = KollaLimits.Default with { MaxTemplateLoopIterations = 1000 };

        var error = Fail("{% for i in range(100) %}\n{% for j in range(100) %}{% endfor %}{% endfor %}", limits);

        error.Line.Should().Be(2);
        error.Reason.Should().Be("the loops of this render would run more than 1000 iterations (set KOLLA_MAX_TEMPLATE_LOOP_ITERATIONS to allow more)");
    }

    [Fact]
    public void Render_LoopIterationsOfNestedVariables_CountAgainstTheSameRender()
    {
        var limits = KollaLimits.Default with { MaxTemplateLoopIterations = 1000 };
        var variables = new Dictionary<string, object?> { ["inner"] = "{% for i in range(600) %}{% endfor %}" };

        Fail("{{ inner }}{% for i in range(600) %}{% endfor %}", limits, variables).Reason.Should().StartWith("the loops of this render would run more than 1000");
    }

    [Fact]
    public void Render_VariablesNestedPastTheDepthLimit_AreRefusedNamingTheVariable()
    {
        var variables = Enumerable.Range(0, 150).ToDictionary(i => $"v{i}", i => (object?)$"{{{{ v{i + 1} }}}}");
        variables["v150"] = "end";

        var error = Fail("{{ v0 }}", variables: variables);

        error.Reason.Should().StartWith("templates are nested more than 100 deep (evaluating 'v100')");
        Render("{{ v60 }}", variables).Should().Be("end");
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("[", "]")]
    [InlineData("-", "")]
    [InlineData("not ", "")]
    public void Compile_NestedPastTheLimit_IsASyntaxErrorAtItsLine(string open, string close)
    {
        string Nest(int depth) => "\n{{ " + string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth)) + " }}";

        var error = Fail(Nest(100));

        error.Line.Should().Be(2);
        error.Reason.Should().Be("the template nests brackets, operators, filters and tags more than 100 levels deep");
        Render(Nest(90)).Should().NotBeNull();
        Fail(Nest(100_000)).Line.Should().Be(2);
    }

    [Theory]
    [InlineData("x", ".upper()")]
    [InlineData("x", " ~ x")]
    [InlineData("1", " + 1")]
    [InlineData("x", " | upper")]
    [InlineData("x", "[0]")]
    public void Compile_OperatorChainsPastTheLimit_AreRefusedLikeNesting(string first, string link)
    {
        var error = Fail("{{ " + first + string.Concat(Enumerable.Repeat(link, 150)) + " }}", variables: new() { ["x"] = "abc" });

        error.Reason.Should().Be("the template nests brackets, operators, filters and tags more than 100 levels deep");
    }

    [Fact]
    public void Compile_BlockTagsNestedPastTheLimit_AreRefused()
    {
        var ifs = string.Concat(Enumerable.Repeat("{% if true %}", 101)) + "x" + string.Concat(Enumerable.Repeat("{% endif %}", 101));

        Fail(ifs).Reason.Should().Be("the template nests brackets, operators, filters and tags more than 100 levels deep");
    }

    [Fact]
    public void Render_ValueBuiltDeeperThanADocumentMayNest_IsRefused()
    {
        var template = "{% set x = 1 %}" + string.Concat(Enumerable.Repeat("{% set x = [x] %}", 100_000)) + "{{ x }}";

        Fail(template).Reason.Should().Be("this would build a value nested more than 512 levels deep");
    }

    [Fact]
    public void Render_ListThatContainsItself_IsRefusedAtTheDepthLimit()
    {
        // What YAML's `x: &a [1, *a]` loads to; Ansible fails on it with a RecursionError.
        var list = new List<object?> { 1L };
        list.Add(list);

        var error = Fail("\n{{ x | length }}", variables: new() { ["x"] = list });

        error.Message.Should().Be("t.j2:2: the value of 'x' is nested more than 512 levels deep (does it contain itself?)");
    }

    [Fact]
    public void Render_SortOfItemsPythonCannotCompare_IsATemplateError()
    {
        Fail("\n{{ [1, 'a'] | sort }}").Message.Should().StartWith("t.j2:2: '<' is not supported between ");
    }

    private sealed class Loader(Dictionary<string, string> templates) : ITemplateLoader
    {
        public string? Load(string name) => templates.GetValueOrDefault(name);
    }

    [Fact]
    public void Compile_IntegerTooLargeForADecimal_IsASyntaxError()
    {
        Fail("{{ 99999999999999999999999999999999 }}").Reason.Should().Be("the number 99999999999999999999999999999999 is too large");
    }
}
