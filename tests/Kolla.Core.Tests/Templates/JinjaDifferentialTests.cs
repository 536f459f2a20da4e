using System.Text.Json;
using Kolla.Templates;
using Kolla.Tests.Variables;
using Kolla.Variables;

namespace Kolla.Tests.Templates;

/// <summary>
/// Renders the same templates with Python's Jinja2 (configured as Ansible does: trim_blocks, trailing newline
/// kept, strict undefined, None printed as empty) and with Kolla's renderer, and compares the output.
/// </summary>
[Trait("Category", "Integration")]
public class JinjaDifferentialTests
{
    private const string PythonRenderer = """
        import json, sys, jinja2
        env = jinja2.Environment(trim_blocks=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined,
                                 finalize=lambda v: '' if v is None else v)
        out = []
        for case in json.load(sys.stdin):
            out.append(env.from_string(case['template']).render(**case['vars']))
        print(json.dumps(out))
        """;

    private static readonly Dictionary<string, object?> Vars = new()
    {
        ["hosts"] = new List<object?> { "node-b", "Node-a", "node-c", "node-a" },
        ["ports"] = new List<object?> { 8774L, 8775L, 6080L },
        ["cfg"] = new Dictionary<string, object?> { ["debug"] = true, ["workers"] = 4L, ["name"] = "nova", ["ratio"] = 1.5, ["none"] = null },
        ["users"] = new List<object?>
        {
            new Dictionary<string, object?> { ["name"] = "ann", ["admin"] = true, ["age"] = 31L },
            new Dictionary<string, object?> { ["name"] = "bob", ["admin"] = false, ["age"] = 27L },
            new Dictionary<string, object?> { ["name"] = "cid", ["admin"] = true, ["age"] = 45L },
        },
        ["text"] = "  Hello World  ",
        ["empty"] = string.Empty,
        ["nothing"] = null,
    };

    public static TheoryData<string> Templates() =>
    [
        "{{ hosts | join(', ') }}|{{ hosts | unique | join(',') }}|{{ hosts | sort | join(',') }}|{{ hosts | sort(case_sensitive=true) | join(',') }}",
        "{{ hosts | length }} {{ hosts | first }} {{ hosts | last }} {{ hosts | reverse | list }} {{ hosts | min }} {{ hosts | max }}",
        "{{ ports | sum }} {{ ports | map('string') | join('/') }} {{ ports | select('odd') | list }} {{ ports | reject('odd') | list }}",
        "{{ users | map(attribute='name') | join(',') }} {{ users | selectattr('admin') | map(attribute='name') | list }} {{ users | rejectattr('admin') | first }}",
        "{{ users | sort(attribute='age') | map(attribute='name') | join }} {{ users | sum(attribute='age') }} {{ users | map(attribute='age') | max }}",
        "{{ cfg }}|{{ cfg.debug }}|{{ cfg['workers'] * 2 }}|{{ cfg.ratio * 2 }}|{{ cfg.none }}|{{ cfg.items() | list }}",
        "{{ text | trim }}|{{ text | lower }}|{{ text | upper }}|{{ text | replace('l', 'L') }}|{{ text | trim | capitalize }}|{{ 'hello world' | title }}",
        "{{ '5' | int + 3 }} {{ '2.5' | float }} {{ 'x' | int(9) }} {{ 3.7 | round }} {{ 3.14159 | round(2) }} {{ -4 | abs }} {{ 7 // 2 }} {{ 7 / 2 }} {{ 2 ** 8 }} {{ 10 % 4 }}",
        "{{ nothing | default('d') }}|{{ missing | default('m') }}|{{ empty | default('e', true) }}|{{ empty | default('e') }}",
        "{% for h in hosts %}{{ loop.index }}:{{ h }}{% if not loop.last %},{% endif %}{% endfor %}",
        "{% for h in hosts if h.startswith('node') %}[{{ loop.index0 }}/{{ loop.length }} {{ h }} {{ loop.first }} {{ loop.last }} {{ loop.revindex }}]{% else %}none{% endfor %}",
        "{% for k, v in cfg.items() %}{{ k }}={{ v }}\n{% endfor %}",
        "a\n{% if cfg.debug %}\n  debug\n{% elif cfg.workers > 2 %}\n  many\n{% else %}\n  none\n{% endif %}\nb\n",
        "x  {%- if true %} y {% endif -%}  z\n{#- comment -#}\n  w",
        "{% set total = ports | sum %}{% set label %}total={{ total }}{% endset %}{{ label }} {{ total > 20000 }}",
        "{{ 'a' ~ 1 ~ none ~ true }} {{ [1, 'two', none, true, 1.0] }} {{ {'k': [1, {'n': 'v'}]} }} {{ ('t', 1) }}",
        "{{ 1 < 2 < 3 }} {{ 2 in ports }} {{ 8774 in ports }} {{ 'ode' in 'node' }} {{ 'x' not in hosts }} {{ not empty }} {{ empty or 'alt' }} {{ cfg.name and 'yes' }}",
        "{{ 'big' if ports | length > 2 else 'small' }} {{ hosts[1:3] }} {{ hosts[-1] }} {{ 'abcdef'[::-2] }} {{ range(2, 10, 3) | list }}",
        "{{ cfg is mapping }} {{ hosts is sequence }} {{ 'x' is string }} {{ 1 is number }} {{ nothing is none }} {{ missing is defined }} {{ 4 is divisibleby 2 }} {{ 'abc' is lower }}",
        "{{ text.strip().split(' ') }} {{ 'a,b,,c'.split(',') }} {{ ' x  y '.split() }} {{ '-'.join(['a', 'b']) }} {{ 'n{}-{}'.format(1, 'b') }}",
        "{{ 'line1\nline2' | indent(4) }}|{{ 'abc' | center(9) }}|{{ ['a', 'b'] | join('\n') }}",
        "{{ 'it\\'s' }} {{ \"quote\\\"d\" }} {{ ['it\\'s', 'a\"b'] }} {{ {'tab': '\t'} }}",
    ];

    [Theory]
    [MemberData(nameof(Templates))]
    public void Output_MatchesPythonJinja2(string template)
    {
        ExternalTool.RequirePython("jinja2", "python3-jinja2");
        var stdin = JsonSerializer.Serialize(new[] { new { template, vars = Vars } });
        var (code, stdout, stderr) = ExternalTool.RunPython(PythonRenderer, stdin);
        code.Should().Be(0, stderr);
        var expected = JsonSerializer.Deserialize<string[]>(stdout)![0];

        var actual = new TemplateRenderer(new TemplateRendererOptions { KeepTrailingNewline = true, PadTrailingNewlines = false }).Render(template, "diff.j2", new DictionaryVariableScope(Vars));

        actual.Should().Be(expected);
    }

    private const string PythonInheritanceRenderer = """
        import json, sys, jinja2
        case = json.load(sys.stdin)
        env = jinja2.Environment(trim_blocks=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined,
                                 finalize=lambda v: '' if v is None else v, loader=jinja2.DictLoader(case['templates']))
        print(json.dumps(env.get_template('child').render(**case['vars'])))
        """;

    private const string Parent = "FROM {{ base }}\n{% block header %}{% endblock %}\n{% set pkgs = ['a', 'b'] %}\nRUN install {% block packages %}{{ pkgs | join(' ') }}{% endblock %}\n\n{% block footer %}\n{% for p in ports %}\nEXPOSE {{ p }}\n{% endfor %}\n{% endblock footer %}\ndone\n";

    public static TheoryData<string> ChildTemplates() =>
    [
        "{% extends 'parent' %}",
        "{% extends 'parent' %}\n{% block header %}\nLABEL a=b\n{% endblock %}\nignored\n{% block footer %}{{ super() }}# tail\n{% endblock %}",
        "before\n{% extends parent_name %}{% set base = 'alpine' %}{% block packages %}{{ super() }} c{% endblock %}",
        "{% extends 'middle' %}{% block header %}<{{ super() }}>\n{% endblock %}",
        "{% extends 'parent' %}{% block footer %}{% block inner %}x{% endblock %}-{{ cfg.name }}\n{% endblock %}",
    ];

    [Theory]
    [MemberData(nameof(ChildTemplates))]
    public void Inheritance_MatchesPythonJinja2(string child)
    {
        ExternalTool.RequirePython("jinja2", "python3-jinja2");
        var templates = new Dictionary<string, string>
        {
            ["parent"] = Parent,
            ["middle"] = "{% extends 'parent' %}{% block header %}mid{% endblock %}{% block packages %}m {{ super() }}{% endblock %}",
            ["child"] = child,
        };
        var vars = new Dictionary<string, object?>(Vars) { ["base"] = "debian", ["parent_name"] = "parent" };
        var stdin = JsonSerializer.Serialize(new { templates, vars });
        var (code, stdout, stderr) = ExternalTool.RunPython(PythonInheritanceRenderer, stdin);
        code.Should().Be(0, stderr);
        var expected = JsonSerializer.Deserialize<string>(stdout)!;

        var renderer = new TemplateRenderer(new TemplateRendererOptions { Loader = new DictionaryLoader(templates), KeepTrailingNewline = true, PadTrailingNewlines = false });
        var actual = renderer.Render(child, "child", new DictionaryVariableScope(vars));

        actual.Should().Be(expected);
    }

    private sealed class DictionaryLoader(Dictionary<string, string> templates) : ITemplateLoader
    {
        public string? Load(string name) => templates.GetValueOrDefault(name);
    }
}
