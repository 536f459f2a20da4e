using Kolla.Templates;
using Kolla.Variables;

namespace Kolla.Tests.Templates;

public class TemplateErrorTests
{
    private static readonly TemplateRenderer Renderer = new();

    private static TemplateException Fail(string template, Dictionary<string, object?>? vars = null)
    {
        var act = () => Renderer.Render(template, "nova.conf.j2", new DictionaryVariableScope(vars ?? []));
        var error = act.Should().Throw<TemplateException>().Which;
        error.Message.Should().NotContain("\n", "errors are one line");
        error.Message.Should().StartWith($"nova.conf.j2:{error.Line}: ");
        error.File.Should().Be("nova.conf.j2");
        return error;
    }

    [Fact]
    public void Undefined_VariableNamesTheVariableFileAndLine()
    {
        var error = Fail("[DEFAULT]\ndebug = True\nhost = {{ my_host }}\n");

        error.Line.Should().Be(3);
        error.Message.Should().Be("nova.conf.j2:3: undefined variable 'my_host'");
    }

    [Fact]
    public void Undefined_VariableIsNeverAnEmptyString()
    {
        Fail("{{ a }}{{ b }}", new() { ["a"] = "x" }).Reason.Should().Be("undefined variable 'b'");
        Fail("{% if nope %}x{% endif %}").Reason.Should().Be("undefined variable 'nope'");
        Fail("{% for x in nope %}{% endfor %}").Reason.Should().Be("undefined variable 'nope'");
        Fail("{{ nope ~ 'x' }}").Reason.Should().Be("undefined variable 'nope'");
        Fail("{{ nope | upper }}").Reason.Should().Be("undefined variable 'nope'");
    }

    [Fact]
    public void Missing_KeysReportTheWholePath()
    {
        var vars = new Dictionary<string, object?> { ["hostvars"] = new Dictionary<string, object?> { ["n1"] = new Dictionary<string, object?> { ["a"] = 1L } } };

        Fail("{{ hostvars['n1']['api_interface_address'] }}", vars).Reason.Should().Be("undefined variable 'hostvars['n1']['api_interface_address']'");
        Fail("{{ hostvars.n2.a }}", vars).Reason.Should().Be("undefined variable 'hostvars.n2'");
    }

    [Fact]
    public void Line_IsTheLineOfTheFailingTagInsideBlocks()
    {
        var template = "[cache]\n{% for h in hosts %}\nserver = {{ h }}\n{% if h == 'b' %}\nport = {{ port }}\n{% endif %}\n{% endfor %}\n";

        var error = Fail(template, new() { ["hosts"] = new List<object?> { "a", "b" } });

        error.Line.Should().Be(5);
        error.Reason.Should().Be("undefined variable 'port'");
    }

    [Fact]
    public void Failing_TemplatedVariableSaysWhichValueItCameFrom()
    {
        var vars = new Dictionary<string, object?> { ["url"] = "http://{{ vip }}:5000" };

        var error = Fail("line1\nauth_url = {{ url }}", vars);

        error.Line.Should().Be(2);
        error.Reason.Should().Be("undefined variable 'vip' (in the value of 'url')");
    }

    [Fact]
    public void Recursive_VariableIsReported()
    {
        var vars = new Dictionary<string, object?> { ["a"] = "{{ b }}", ["b"] = "x{{ a }}" };

        Fail("{{ a }}", vars).Reason.Should().Contain("recursive loop detected while evaluating 'a'");
    }

    [Theory]
    [InlineData("a\n{% if x %}\nb\n", 2, "'if' block opened on line 2 is never closed (missing '{% endif %}')")]
    [InlineData("{% for x in y %}{% endif %}", 1, "unexpected 'endif' (no open block expects it here)")]
    [InlineData("a\nb\n{{ x | }}", 3, "expected a filter name, found '}}'")]
    [InlineData("{{ x | no_such_filter }}", 1, "unknown filter 'no_such_filter'")]
    [InlineData("{{ x is no_such_test }}", 1, "unknown test 'no_such_test'")]
    [InlineData("{% macro m() %}{% endmacro %}", 1, "the 'macro' tag is not supported (supported tags: if, for, set, block, extends, raw)")]
    [InlineData("{% frobnicate %}", 1, "unknown tag 'frobnicate'")]
    [InlineData("x\n{{ 'open }}", 2, "string literal is never closed")]
    [InlineData("{{ x", 1, "tag '{{' is never closed (missing '}}')")]
    [InlineData("{{ (1 + 2 }}", 1, "unexpected '}', expected ')'")]
    [InlineData("{{ x ] }}", 1, "unexpected ']'")]
    [InlineData("{{ }}", 1, "expected an expression inside '{{ }}'")]
    [InlineData("a {# never closed", 1, "comment '{#' is never closed")]
    public void Syntax_errors_name_the_line(string template, int line, string reason)
    {
        var error = Fail(template);

        error.Line.Should().Be(line);
        error.Reason.Should().Be(reason);
    }

    [Fact]
    public void Syntax_ErrorsAreFoundAtCompileTime()
    {
        var act = () => Renderer.Compile("ok\n{% if %}", "t.j2");

        act.Should().Throw<TemplateException>().Which.Message.Should().Be("t.j2:2: unexpected '%}'");
    }

    [Fact]
    public void Filter_ErrorsNameTheFilter()
    {
        Fail("{{ 'maybe' | bool }}").Reason.Should().Be("filter 'bool': cannot interpret 'maybe' as a boolean (use yes/no, true/false, on/off or 1/0)");
        Fail("{{ x | mandatory }}").Reason.Should().Be("mandatory variable 'x' is not defined");
        Fail("{{ 1 / 0 }}").Reason.Should().Be("division by zero");
        Fail("{{ 'a' + 1 }}").Reason.Should().Be("unsupported operand types for +: 'str' and 'int'");
    }

    [Fact]
    public void Kolla_AddressExplainsWhatToSet()
    {
        var scope = ThreeNodes.Context().ForHost("control01");
        var act = () => Renderer.Render("x\n{{ 'tunnel' | kolla_address('control03') }}", "t.j2", scope);

        act.Should().Throw<TemplateException>().Which.Message.Should()
            .Be("t.j2:2: filter 'kolla_address': no interface for network 'tunnel' on host 'control03' (set 'tunnel_interface')");
    }
}
