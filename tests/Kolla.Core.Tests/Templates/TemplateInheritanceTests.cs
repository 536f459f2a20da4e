using Kolla.Templates;
using Kolla.Variables;

namespace Kolla.Tests.Templates;

public class TemplateInheritanceTests
{
    private const string Base = "FROM {{ image }}\n{% block header %}{% endblock %}\nRUN install {% block packages %}a b{% endblock %}\n\n{% block footer %}\n# end\n{% endblock %}\n";

    private sealed class DictionaryLoader(Dictionary<string, string> templates) : ITemplateLoader
    {
        public string? Load(string name) => templates.GetValueOrDefault(name);
    }

    private static string Render(string child, Dictionary<string, object?> vars, Dictionary<string, string>? templates = null)
    {
        var renderer = new TemplateRenderer(new TemplateRendererOptions { Loader = new DictionaryLoader(templates ?? []) });
        return renderer.Render(child, "child.j2", new DictionaryVariableScope(vars));
    }

    [Fact]
    public void Template_WithoutExtendsRendersItsBlocksInPlace()
    {
        Render(Base, new() { ["image"] = "debian" }).Should().Be("FROM debian\nRUN install a b\n# end\n");
    }

    [Fact]
    public void Child_BlockReplacesTheParentBlockAndTextOutsideBlocksIsDropped()
    {
        var child = "{% extends 'base.j2' %}\nignored text\n{% block packages %}c{{ 1 + 1 }}{% endblock %}\n{% block header %}LABEL x=y{% endblock %}";

        var output = Render(child, new() { ["image"] = "debian" }, new() { ["base.j2"] = Base });

        output.Should().Be("FROM debian\nLABEL x=yRUN install c2\n# end\n");
    }

    [Fact]
    public void Extends_TakesAnExpressionNamingACompiledTemplate()
    {
        var renderer = new TemplateRenderer();
        var parent = renderer.Compile(Base, "base.j2");
        var child = "{% extends parent_template %}{% block footer %}{{ super() }}# more\n{% endblock %}";

        var output = renderer.Render(child, "child.j2", new DictionaryVariableScope(new Dictionary<string, object?> { ["image"] = "x", ["parent_template"] = parent }));

        output.Should().Be("FROM x\nRUN install a b\n# end\n# more\n");
    }

    [Fact]
    public void Top_LevelSetsOfTheChildAreVisibleToTheParent()
    {
        var child = "{% extends 'base.j2' %}{% set image = 'from-child' %}";

        Render(child, new() { ["image"] = "debian" }, new() { ["base.j2"] = Base }).Should().StartWith("FROM from-child\n");
    }

    [Fact]
    public void Three_LevelsResolveTheMostDerivedBlockAndSuperChains()
    {
        var templates = new Dictionary<string, string>
        {
            ["a"] = "[{% block b %}A{% endblock %}]",
            ["b"] = "{% extends 'a' %}{% block b %}B{{ super() }}{% endblock %}",
        };

        Render("{% extends 'b' %}{% block b %}C{{ super() }}{% endblock %}", [], templates).Should().Be("[CBA]");
    }

    [Fact]
    public void Nested_BlocksCanBeReplacedSeparately()
    {
        var templates = new Dictionary<string, string> { ["p"] = "{% block outer %}<{% block inner %}i{% endblock %}>{% endblock %}" };

        Render("{% extends 'p' %}{% block inner %}I{% endblock inner %}", [], templates).Should().Be("<I>");
    }

    [Fact]
    public void Error_InsideAChildBlockNamesTheChildFileAndLine()
    {
        var templates = new Dictionary<string, string> { ["p"] = "line1\n{% block b %}{% endblock %}" };

        var act = () => Render("{% extends 'p' %}\n\n{% block b %}{{ nope }}{% endblock %}", [], templates);

        act.Should().Throw<TemplateException>().Which.Message.Should().Be("child.j2:3: undefined variable 'nope'");
    }

    [Theory]
    [InlineData("{% block a %}{% endblock %}{% block a %}{% endblock %}", "child.j2:1: block 'a' is defined twice")]
    [InlineData("{% block a %}", "child.j2:1: 'block' block opened on line 1 is never closed (missing '{% endblock %}')")]
    [InlineData("{% block a %}{% endblock b %}", "child.j2:1: 'endblock b' closes block 'a'")]
    [InlineData("{{ super() }}", "child.j2:1: super() is only available inside a block")]
    [InlineData("{% extends 'missing' %}", "child.j2:1: template 'missing' not found")]
    [InlineData("{% extends 42 %}", "child.j2:1: 'extends' needs a template or a template name, not int")]
    [InlineData("{% extends 'self' %}", "self: template inheritance loops back to 'self'")]
    public void Inheritance_errors_are_clear(string template, string message)
    {
        var templates = new Dictionary<string, string> { ["self"] = "{% extends 'self' %}" };

        var act = () => Render(template, [], templates);

        act.Should().Throw<TemplateException>().Which.Message.Should().Be(message);
    }
}
