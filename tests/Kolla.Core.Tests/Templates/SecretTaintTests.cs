using Kolla.Passwords;
using Kolla.Templates;
using Kolla.Templates.Jinja;
using Kolla.Variables;

namespace Kolla.Tests.Templates;

/// <summary>
/// A value computed from a secret is a secret: what a template derives from a password (through filters, operators,
/// slices, concatenation, loops, set, blocks and lazily evaluated variables) is recorded and masked in what people see,
/// while the rendered text itself is unchanged.
/// </summary>
public class SecretTaintTests
{
    private const string Password = "Sup3rSecretPassw0rd";

    private static readonly Dictionary<string, object?> Vars = new()
    {
        ["pw"] = Password,
        ["name"] = "nova",
        ["hosts"] = new List<object?> { "a", "b" },
        ["ssh_key"] = new Dictionary<string, object?> { ["private_key"] = "PRIVATE-" + Password, ["public_key"] = "ssh-ed25519 AAAAPUBLIC" },
        ["derived"] = "{{ pw | upper }}",
        ["url"] = "amqp://admin:{{ pw }}@rabbit:5672/",
        ["users"] = new List<object?> { new Dictionary<string, object?> { ["name"] = "admin", ["password"] = "{{ pw | lower }}" } },
        ["keys"] = new List<object?> { Password, "plain" },
        ["other"] = new DictionaryVariableScope(new Dictionary<string, object?> { ["pw"] = Password }),
    };

    [Theory]
    [InlineData("a = {{ pw | upper }}", "a = ***")]
    [InlineData("a = {{ pw | lower | replace('s', '5') }}", "a = ***")]
    [InlineData("a = {{ pw | b64encode }}", "a = ***")]
    [InlineData("a = {{ pw | to_uuid }}", "a = ***")]
    [InlineData("a = {{ pw | regex_replace('[0-9]', '#') }}", "a = ***")]
    [InlineData("a = {{ [pw, 'x'] | join(',') }}", "a = ***")]
    [InlineData("a = {{ {'user': 'admin', 'password': pw} | to_json }}", "a = ***")]
    [InlineData("a = {{ pw.upper() }} {{ 'u={}'.format(pw) }} {{ pw.split('e') | last }}", "a = *** *** ***")]
    public void Render_FilterOrMethodOfASecret_IsMasked(string template, string shown) => Shown(template).Should().Be(shown);

    [Theory]
    [InlineData("a = {{ pw[:12] }}", "a = ***")]
    [InlineData("a = {{ pw[::-1] }}", "a = ***")]
    [InlineData("a = {{ (pw | upper)[3:9] }}", "a = ***")]
    [InlineData("a = {{ pw[-3:] }}", "***")]
    [InlineData("a = {{ pw[0] }}{{ pw[1] }}{{ pw[2] }}{{ pw[3] }}", "a = ***")]
    [InlineData("a = {{ pw.split('e')[2] }}", "a = ***")]
    [InlineData("a = {{ ('user:' ~ pw)[:5] }}|{{ ('user:' ~ pw)[5:9] }}", "a = user:|***")]
    public void Render_SliceOrIndexOfASecret_IsMasked(string template, string shown) => Shown(template).Should().Be(shown);

    [Theory]
    [InlineData("a = {{ 'amqp://admin:' ~ pw ~ '@rabbit' }}", "a = amqp://admin:***@rabbit")]
    [InlineData("a = {{ 'x-' ~ (pw | upper) ~ '-' ~ name }}", "a = x-***-nova")]
    [InlineData("a = {{ pw + '-suffix' }}", "a = ***-suffix")]
    [InlineData("a = {{ (pw ~ '-') * 2 }}", "a = ***")]
    [InlineData("a = {{ ([pw] + ['plain']) | join(' ') }} {{ ([pw] + ['plain'])[1] }}", "a = *** plain")]
    [InlineData("a = {{ (pw | upper) if name else 'no' }} {{ 'none' and pw[:6] }}", "a = *** ***")]
    public void Render_ConcatenationOrOperatorOnASecret_MasksTheSecretPart(string template, string shown) => Shown(template).Should().Be(shown);

    [Theory]
    [InlineData("{% for c in pw %}{{ c }}{% endfor %}", "***")]
    [InlineData("{% for c in pw | list %}{{ c | upper }}{% endfor %}", "***")]
    [InlineData("{% for h in hosts %}{{ h }}:{{ pw[:8] }}{% if not loop.last %} {% endif %}{% endfor %}", "a:*** b:***")]
    [InlineData("{% for k, v in {'user': 'admin', 'password': pw | upper}.items() %}{{ k }}={{ v }};{% endfor %}", "user=admin;password=***;")]
    [InlineData("{% for u in users %}{{ u.name }}:{{ u.password }}{% endfor %}", "admin:***")]
    public void Render_LoopOverOrAroundASecret_MasksWhatCameFromIt(string template, string shown) => Shown(template).Should().Be(shown);

    [Theory]
    [InlineData("{% set x = pw | lower %}a = {{ x }}", "a = ***")]
    [InlineData("{% set a, b = [pw | upper, 'plain'] %}{{ a }} {{ b }}", "*** plain")]
    [InlineData("{% set a, b = pw.split('e')[:2] %}{{ b }}-{{ a }}", "***")]
    [InlineData("{% set d = {'user': 'admin', 'password': pw} %}{{ d.user }} {{ d.password | upper }}", "admin ***")]
    [InlineData("{% set x %}[{{ pw | upper }}]{% endset %}a = {{ x }} {{ x | length }}", "a = [***] 21")]
    [InlineData("{% set x %}user={{ name }} key={{ pw[:6] }}{% endset %}{{ x | upper }}", "***")]
    public void Render_SetFromASecret_IsMasked(string template, string shown) => Shown(template).Should().Be(shown);

    [Theory]
    [InlineData("a = {{ derived }}", "a = ***")]
    [InlineData("a = {{ url }}", "a = amqp://admin:***@rabbit:5672/")]
    [InlineData("a = {{ url | upper }}", "a = ***")]
    [InlineData("a = {{ users[0].password }}", "a = ***")]
    [InlineData("a = {{ ssh_key.private_key | b64encode }} {{ ssh_key.public_key }}", "a = *** ssh-ed25519 AAAAPUBLIC")]
    [InlineData("a = {{ ssh_key }}", "a = ***")]
    [InlineData("a = {{ ssh_key | to_json }}", "a = ***")]
    [InlineData("a = {{ other.pw | upper }} {{ other['pw'][:5] }}", "a = *** ***")]
    [InlineData("a = {{ keys | map('upper') | join(',') }} {{ keys[1] }}", "a = *** plain")]
    [InlineData("a = {{ users[0].password }} {{ users | map(attribute='password') | map('upper') | first }}", "a = *** ***")]
    public void Render_VariableDerivedFromASecret_IsMasked(string template, string shown) => Shown(template).Should().Be(shown);

    [Fact]
    public void Render_BlockAndSuperDerivingFromASecret_IsMasked()
    {
        var parent = "[{% block body %}{{ pw[:10] }}{% endblock %}]";
        var child = "{% extends parent %}{% block body %}{{ super() | upper }}|{{ name }}{% endblock %}";
        var renderer = new TemplateRenderer(new TemplateRendererOptions { Secrets = new TemplateSecrets([Password]) });
        var vars = new Dictionary<string, object?>(Vars) { ["parent"] = renderer.Compile(parent, "parent.j2") };

        var text = renderer.Render(child, "child.j2", new DictionaryVariableScope(vars));

        Masker(renderer).Mask(text).Should().Be("[***|nova]");
    }

    [Theory]
    [InlineData("{{ pw | length }}", "19")]
    [InlineData("{% if pw %}yes{% endif %} {{ 'set' if pw else 'unset' }} {{ pw is defined }}", "yes set True")]
    [InlineData("{{ pw | ternary('enabled', 'disabled') }} {{ missing | default(name) }} {{ ssh_key.public_key }}", "enabled nova ssh-ed25519 AAAAPUBLIC")]
    public void Render_ValueNotComputedFromASecret_IsNotMasked(string template, string shown) => Shown(template).Should().Be(shown);

    [Fact]
    public void Render_DerivedTextShorterThanFour_IsMaskedWithItsLineUnlessThatIsShorterToo() =>
        Shown("{{ pw[:2] }}\nkey = {{ pw[:2] }}").Should().Be("Su\n***");

    [Theory]
    [InlineData("a = {{ pw | upper }} {{ pw[:2] }}{% set x %}{{ pw | b64encode }}{% endset %}{{ x }} {{ derived }} {{ url }}")]
    [InlineData("{% for c in pw %}{{ c | upper }}{% endfor %} {{ ssh_key | to_json }} {{ ('user:' ~ pw)[:7] }}")]
    public void Render_WithSecrets_WritesTheSameTextAsWithout(string template)
    {
        var tracked = new TemplateRenderer(new TemplateRendererOptions { Secrets = new TemplateSecrets([Password]) });
        var plain = new TemplateRenderer();

        var text = tracked.Render(template, "t.j2", new DictionaryVariableScope(Vars));

        text.Should().Be(plain.Render(template, "t.j2", new DictionaryVariableScope(Vars)));
        text.Should().Contain(Password[..2], "only what is shown is masked, never the rendered file");
    }

    [Fact]
    public void Render_NoSecretRead_TracksAndRecordsNothing()
    {
        var renderer = new TemplateRenderer(new TemplateRendererOptions { Secrets = new TemplateSecrets([Password]) });
        var state = new RenderState(renderer, new DictionaryVariableScope(Vars), "t.j2");

        var text = renderer.Compile("{{ name | upper }} {% for h in hosts %}{{ h }}{% endfor %} {{ users[0].name }} {{ ssh_key.public_key }}", "t.j2")
            .RenderAndRecord(state);

        text.Should().Be("NOVA ab admin ssh-ed25519 AAAAPUBLIC");
        state.Taint.Should().BeNull("a render that reads no secret allocates no tracker");
        renderer.DerivedSecrets.Should().BeEmpty();
    }

    [Fact]
    public void EvaluateExpression_DerivedFromASecret_IsRecorded()
    {
        var renderer = new TemplateRenderer(new TemplateRendererOptions { Secrets = new TemplateSecrets([Password]) });

        var value = renderer.EvaluateExpression("{'A': name, 'B': pw | upper, 'C': [pw[:6] ~ '-x']}", new DictionaryVariableScope(Vars));

        value.Should().BeEquivalentTo(new Dictionary<string, object?> { ["A"] = "nova", ["B"] = Password.ToUpperInvariant(), ["C"] = new List<object?> { Password[..6] + "-x" } });
        renderer.DerivedSecrets.Should().BeEquivalentTo(Password.ToUpperInvariant(), Password[..6]);
    }

    [Fact]
    public void Render_ErrorAboutADerivedValue_DoesNotCarryIt()
    {
        var renderer = new TemplateRenderer(new TemplateRendererOptions { Secrets = new TemplateSecrets([Password]) });

        var render = () => renderer.Render("x\n{{ (pw | upper) | bool }}", "t.j2", new DictionaryVariableScope(Vars));

        var error = render.Should().Throw<TemplateException>().Which;
        error.Message.Should().StartWith("t.j2:2: ").And.Contain("***").And.NotContain(Password.ToUpperInvariant());
    }

    private static string Shown(string template)
    {
        var renderer = new TemplateRenderer(new TemplateRendererOptions { Secrets = new TemplateSecrets([Password, "PRIVATE-" + Password]) });
        var text = renderer.Render(template, "t.j2", new DictionaryVariableScope(Vars));
        return Masker(renderer).Mask(text);
    }

    private static SecretMasker Masker(TemplateRenderer renderer) => new([Password, "PRIVATE-" + Password, .. renderer.DerivedSecrets]);
}
