using Kolla.Templates;
using Kolla.Variables;

namespace Kolla.Tests.Templates;

/// <summary>
/// With <see cref="TemplateRendererOptions.ShareValues"/>, a templated variable is evaluated once for every render that
/// agrees on what its evaluation reads (the reads of the values it uses included); a render that reuses it sees the same
/// text, the same secret taint and the same loop budget as if it had evaluated it.
/// </summary>
public class SharedValueTests
{
    private const string Password = "Sup3rSecretPassw0rd";

    [Fact]
    public void Render_GroupValueForTwoHosts_IsEvaluatedOnce()
    {
        var control = new CountingScope(new Dictionary<string, object?> { ["address"] = "10.0.0.11" });
        var renderer = Renderer();

        var first = renderer.Render("{{ keystone_url }}", "t.j2", Host("compute01", "10.1.0.1", control));
        var second = renderer.Render("{{ keystone_url }}", "t.j2", Host("compute02", "10.1.0.2", control));

        first.Should().Be("http://10.0.0.11:5000");
        second.Should().Be(first);
        control.Reads.Should().Be(1, "the second host reuses the value its evaluation computed");
    }

    [Theory]
    [InlineData("{{ nova_url }}")]
    [InlineData("{{ nova_endpoint }} {{ nova_url }}")]
    public void Render_ValueUsingAHostSpecificValue_IsEvaluatedPerHost(string template)
    {
        var control = new CountingScope(new Dictionary<string, object?> { ["address"] = "10.0.0.11" });
        var renderer = Renderer();

        var first = renderer.Render(template, "t.j2", Host("compute01", "10.1.0.1", control));
        var second = renderer.Render(template, "t.j2", Host("compute02", "10.1.0.2", control));

        first.Should().EndWith("http://10.1.0.1:8774");
        second.Should().EndWith("http://10.1.0.2:8774", "nova_url reads api_address through nova_endpoint");
    }

    [Fact]
    public void Render_ErrorAboutAReusedSecretValue_DoesNotCarryTheSecret()
    {
        var control = new CountingScope(new Dictionary<string, object?> { ["address"] = "10.0.0.11" });
        var renderer = Renderer();
        renderer.Render("{{ rpc_url }}", "t.j2", Host("compute01", "10.1.0.1", control));

        var render = () => renderer.Render("{{ rpc_url | bool }}", "t.j2", Host("compute02", "10.1.0.2", control));

        var error = render.Should().Throw<TemplateException>().Which;
        error.Message.Should().Contain("rabbit://openstack:***@10.0.0.11").And.NotContain(Password);
    }

    [Theory]
    [InlineData("{% for i in range(20) %}{% endfor %}{{ looped }}")]
    [InlineData("{{ looped }}{% for i in range(20) %}{% endfor %}")]
    public void Render_ReusedValueWhoseLoopsExceedTheRendersBudget_Fails(string template)
    {
        var control = new CountingScope(new Dictionary<string, object?> { ["address"] = "10.0.0.11" });
        var renderer = Renderer(new KollaLimits { MaxTemplateLoopIterations = 50 });
        renderer.Render("{{ looped }}", "t.j2", Host("compute01", "10.1.0.1", control)).Should().HaveLength(40);

        var render = () => renderer.Render(template, "t.j2", Host("compute02", "10.1.0.2", control));

        render.Should().Throw<TemplateException>().WithMessage("*more than 50 iterations*");
    }

    private static TemplateRenderer Renderer(KollaLimits? limits = null) =>
        new(new TemplateRendererOptions { Secrets = new TemplateSecrets([Password]), ShareValues = true, Limits = limits });

    private static DictionaryVariableScope Host(string name, string address, IVariableScope control) => new(new Dictionary<string, object?>
    {
        ["inventory_hostname"] = name,
        ["api_address"] = address,
        ["hostvars"] = new Dictionary<string, object?> { ["control01"] = control },
        ["rabbitmq_password"] = Password,
        ["keystone_url"] = "http://{{ hostvars['control01'].address }}:5000",
        ["nova_endpoint"] = "{{ api_address }}:8774",
        ["nova_url"] = "http://{{ nova_endpoint }}",
        ["rpc_url"] = "rabbit://openstack:{{ rabbitmq_password }}@{{ hostvars['control01'].address }}",
        ["looped"] = "{% for i in range(40) %}x{% endfor %}",
    });

    /// <summary>Another host's variables, counting how often one is read.</summary>
    private sealed class CountingScope(Dictionary<string, object?> values) : IVariableScope
    {
        public int Reads { get; private set; }

        public IEnumerable<string> VariableNames => values.Keys;

        public bool TryGetVariable(string name, out object? value)
        {
            Reads++;
            return values.TryGetValue(name, out value);
        }
    }
}
