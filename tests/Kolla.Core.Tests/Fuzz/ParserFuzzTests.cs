using Kolla.Compat;
using Kolla.Configuration;
using Kolla.Globals;
using Kolla.Inventory;
using Kolla.Passwords;
using Kolla.Templates;
using Kolla.TestKit;
using Kolla.Variables;

namespace Kolla.Tests.Fuzz;

/// <summary>
/// Each parser against a few thousand mutants of real inputs (fixed seeds, so a failure repeats): only the parser's own
/// error type may escape, and no input makes it allocate more than a bound far below what the hostile inputs of issue 17
/// cost (gigabytes); the Jinja engine runs with small output and loop limits, so its bound is small too.
/// </summary>
public sealed class ParserFuzzTests
{
    private const int Cases = 3000;
    private const long MaxBytes = 64L * 1024 * 1024;

    private static readonly string[] YamlTokens =
    [
        "[", "]", "{", "}", ": ", ",", "- ", "\n", "\n  ", "\n- ", "&a ", "*a", "&b ", "*b", "<<: *a", "<<: [*a, *b]", "!!str ", "!!int ", "!!map ",
        "!!binary ", "!unsafe ", "!vault |\n  x", "? ", "|\n  x\n", ">-\n  y\n", "'", "\"", "#", "%YAML 1.1\n", "---\n", "...\n", "\t", "0x1F",
        "1e400", "2001-01-01 10:00:00", "yes", "~", "{{ x }}", "'{{ 'x' * 1000000000 }}'", "\"\\u0000\"", "key", "a: &a [x, x, x, x, x, x, x, x, x, x]\n",
    ];

    private static readonly string[] IniTokens =
    [
        "[", "]", "[DEFAULT]\n", "[a]\n", "=", ":", "\n", "\n  ", "\n\t", "#", ";", "key = value\n", "\"", "'", "\r", "\r\n", "\f", "\u00a0", "\ufeff",
    ];

    private static readonly string[] InventoryTokens =
    [
        "[", "]", ":children", ":vars", ":x", "\n", "=", " ", "h[0:9]", "[0:99999999]", "[a:z]", "[01:100]", "[1:5:0]", "host:22", "[::1]:22",
        "ansible_host=1.2.3.4", "ansible_group_priority=x", "---", "all:\n  hosts:\n", "  children:\n", "    g:\n", "      hosts:\n", "        h1:\n", "vars:", "|",
        "#", "{", "}", "[g:children]\ng\n", "[g]\nh\n",
    ];

    private static readonly string[] JinjaTokens =
    [
        "{{", "}}", "{%", "%}", "{#", "#}", "(", ")", "[", "]", "{", "}", "|", "~", "*", "**", "+", "-", "//", "%", ",", ":", ".", "'x'", "\"y\"",
        "1000000000", "99999", "x", "items", "loop.index", "not ", " and ", " or ", " if ", " else ", " in ", " is defined", " is not none",
        "| join(',')", "| replace('a', 'aaaaaaaaaa')", "| upper", "| to_json", "| to_nice_yaml", "| default('d')", "| list", "| first", "| length",
        "| indent(1000)", "| center(100000)", "| from_yaml", "range(1000)", "range(100000)", "'x' * 100000", "[x] * 1000", "{% set x = [x, x] %}",
        "{% for i in range(1000) %}", "{% endfor %}", "{% if x %}", "{% else %}", "{% endif %}", "{% block b %}", "{% endblock %}", "{{ super() }}",
        "{% raw %}", "{% endraw %}", "{% set y %}", "{% endset %}", "'{}{}{}'.format(x, x, x)", "x.split(',')", "\n", "{{ x ~ x ~ x ~ x }}",
    ];

    private static readonly KollaLimits SmallLimits = new()
    {
        MaxDocumentBytes = 1024 * 1024,
        MaxInventoryHosts = 10_000,
        MaxTemplateOutput = 100_000,
        MaxTemplateLoopIterations = 100_000,
    };

    [Fact]
    public void IniMergeParser_MutatedOverrides_ThrowOnlyConfigMergeExceptionWithinMemoryBound()
    {
        var corpus = Files("samples/all-in-one/config", "*.conf").Concat(Files("samples/multinode/config", "*.conf")).ToList();

        FuzzRun.Check(new Mutator(1701, corpus, IniTokens).Next, Cases, MaxBytes, text =>
        {
            var merged = IniMerger.Merge([ConfigSource.FromText("a.conf", text), ConfigSource.FromText("b.conf", text)]);
            _ = merged.ToText();
        }, typeof(ConfigMergeException));
    }

    [Fact]
    public void YamlLoaders_MutatedDocuments_ThrowOnlyTheirOwnErrorsWithinMemoryBound()
    {
        var corpus = YamlCorpus();
        var profiles = new YamlProfile[] { AnsibleYamlProfile.Vars, AnsibleYamlProfile.Inventory, SafeLoadProfile.Instance };
        var which = 0;

        FuzzRun.Check(new Mutator(1702, corpus, YamlTokens).Next, Cases, MaxBytes, text =>
        {
            switch (which++ % 5)
            {
                case < 3:
                    _ = YamlLoader.Read(text, profiles[which % 3], SmallLimits);
                    break;
                case 3:
                    _ = PasswordStore.Parse(text);
                    break;
                default:
                    _ = YamlMerger.MergeToText([ConfigSource.FromText("a.yml", text), ConfigSource.FromText("b.yml", text)]);
                    break;
            }
        }, typeof(YamlLoadException), typeof(PasswordsException), typeof(ConfigMergeException));
    }

    [Fact]
    public void GlobalsReader_MutatedGlobals_ThrowsOnlyKollaExceptionsWithinMemoryBound()
    {
        var corpus = new[] { File.ReadAllText(RepositoryPaths.InRepo("samples/all-in-one/globals.yml")), File.ReadAllText(RepositoryPaths.InRepo("samples/multinode/globals.yml")) };

        // Globals are evaluated (enable_* flags follow each other), so templates in them run too: fewer cases, same bound.
        FuzzRun.Check(new Mutator(1703, corpus, [.. YamlTokens, .. JinjaTokens]).Next, Cases / 3, MaxBytes, text => KollaGlobals.Parse(text), typeof(KollaException));
    }

    [Fact]
    public void IniInventoryParser_MutatedInventories_ThrowsOnlyInventoryExceptionWithinMemoryBound()
    {
        var corpus = new[] { File.ReadAllText(RepositoryPaths.InRepo("samples/all-in-one/inventory")), File.ReadAllText(RepositoryPaths.InRepo("samples/multinode/inventory")) };

        FuzzRun.Check(new Mutator(1704, corpus, InventoryTokens).Next, Cases, MaxBytes, text =>
        {
            var builder = new InventoryBuilder { Limits = SmallLimits };
            IniInventoryParser.Parse(text, "inventory", builder);
            builder.Reconcile();
            _ = builder.Build();
        }, typeof(InventoryException));
    }

    [Fact]
    public void YamlInventoryParser_MutatedInventories_ThrowsOnlyInventoryExceptionWithinMemoryBound()
    {
        var corpus = new[]
        {
            "all:\n  vars:\n    x: 1\n  children:\n    control:\n      hosts:\n        control[01:03]:\n          ansible_host: 10.0.0.1\n    compute:\n      hosts:\n        compute01:\n      vars:\n        y: &v [1, 2]\n    network:\n      children:\n        control:\n      vars:\n        z: *v\n",
            "{\"all\": {\"hosts\": {\"a\": {\"ansible_port\": 22}}, \"children\": {\"g\": {\"hosts\": {\"b\": null}}}}}\n",
            "ungrouped:\n  hosts:\n    h[a:f]:\ncontrol:\n  hosts:\n    c1:\n  children:\n    network:\n      hosts:\n        n1:\n",
        };

        FuzzRun.Check(new Mutator(1705, corpus, [.. InventoryTokens, .. YamlTokens]).Next, Cases, MaxBytes, text =>
        {
            var builder = new InventoryBuilder { Limits = SmallLimits };
            YamlInventoryParser.Parse(InventoryYaml.Parse(text, "inventory.yml"), "inventory.yml", builder);
            builder.Reconcile();
            _ = builder.Build();
        }, typeof(InventoryException));
    }

    [Fact]
    public void JinjaEngine_MutatedTemplates_ThrowsOnlyTemplateExceptionWithinMemoryBound()
    {
        List<string> corpus =
        [
            "{% for i in items %}{{ loop.index }}={{ i | string | upper }}{% if not loop.last %},{% endif %}{% endfor %}\n",
            "{% set l = [x, y] %}{{ l | join(';') }} {{ (l * 3) | length }} {{ x.split(',') | first }}\n",
            "{{ 'a' ~ x ~ 'b' }}{{ x | replace('a', 'bb') }} {{ nested }}\n{{ y * 2 }}\n",
            "{% for k, v in {'a': 1, 'b': [1, 2]}.items() %}{{ k }}:{{ v | to_json }}\n{% endfor %}",
            "{{ range(3) | list }}{{ [1, 2] + [3] }}{{ {'a': [x]} | to_nice_yaml }}",
            "{% if x is defined and items | length > 2 %}{{ items[0] }}{% else %}none{% endif %}\n",
            "{% set t %}{{ x }}\n{{ y }}{% endset %}{{ t | indent(2) }}{{ t | center(20) }}",
            "{{ '{}-{}'.format(x, y) }}{{ x | regex_replace('(a)', '\\\\1\\\\1') }}{{ -(1 + 2) * 3 ** 2 // 4 }}",
            "{% block b %}[{{ x }}]{% endblock %}{{ items | map('string') | select | list | to_json }}",
            .. Files("src/Kolla.Core/Services/Catalogue", "*.j2").Take(5),
        ];
        var renderer = new TemplateRenderer(new TemplateRendererOptions
        {
            Limits = SmallLimits with { MaxTemplateOutput = 10_000, MaxTemplateLoopIterations = 10_000 },
        });
        var variables = new DictionaryVariableScope(new Dictionary<string, object?>
        {
            ["x"] = "ab,cd",
            ["y"] = "{{ x ~ x }}",
            ["items"] = new List<object?> { "a", "b", 1L, null },
            ["nested"] = "{{ y ~ y }}",
        });

        // The output and loop limits are small here, so a case may allocate little; a few list items are still allowed
        // a million (range(), [x] * n), which is what bounds this case's budget.
        var mutator = new Mutator(1706, corpus, JinjaTokens);
        var grammar = new JinjaGrammar(1707);
        var turn = 0;

        FuzzRun.Check(() => turn++ % 2 == 0 ? mutator.Next() : grammar.Next(), Cases, MaxBytes, text => renderer.Render(text, "fuzz.j2", variables), typeof(TemplateException));
    }

    private static List<string> Files(string directory, string pattern) =>
        [.. Directory.GetFiles(RepositoryPaths.InRepo(directory), pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    private static List<string> YamlCorpus() =>
    [
        File.ReadAllText(RepositoryPaths.InRepo("samples/all-in-one/globals.yml")),
        File.ReadAllText(RepositoryPaths.InRepo("tests/Kolla.Core.Tests/Golden/genconfig/passwords.yml")),
        .. Files("src/Kolla.Core/Services/Catalogue", "service.yml").Take(6),
        "base: &base\n  x: 1\n  y: [a, b]\nderived:\n  <<: *base\n  y: 3\nlist: [*base, *base]\ntext: |\n  line\n",
        "{a: [1, 2, {b: c}], d: &x [e, f, [g, h]], i: *x, j: {k: *x, l: [*x, *x]}}\n",
        "- [a, [b, [c, [d]]]]\n- {e: {f: {g: h}}}\n- &y !!str 12\n- *y\n",
    ];
}
