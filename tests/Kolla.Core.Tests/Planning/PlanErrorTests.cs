using Kolla.Planning;
using Kolla.Services;

namespace Kolla.Tests.Planning;

/// <summary>When a template or override cannot be rendered, the error names the host, the container, the file and the line.</summary>
public class PlanErrorTests
{
    private static async Task<DeploymentInputs> WithNovaTemplateAsync(string name, string template)
    {
        var inputs = await Samples.LoadAsync(Samples.Multinode, TestContext.Current.CancellationToken);
        var services = inputs.Catalogue.Services.Select(s => s.Name == "nova"
            ? s with { Templates = new Dictionary<string, string>(s.Templates) { [name] = template } }
            : s);
        return inputs with { Catalogue = ServiceCatalogue.Create(services, inputs.Catalogue.CommonDefaults) };
    }

    [Fact]
    public async Task Undefined_VariableInACatalogueTemplateNamesHostContainerFileAndLine()
    {
        var inputs = await WithNovaTemplateAsync("nova-cell.conf.j2", "[DEFAULT]\ndebug = False\nmy_ip = {{ no_such_variable }}\n");

        var act = () => DeploymentPlanner.Plan(inputs, new PlanOptions { Limit = "compute02" });

        Assert.Throws<PlanningException>(act).Message.Should().StartWith("compute02: nova_compute: nova.conf: ")
            .And.Contain("catalogue/nova/templates/nova-cell.conf.j2:3:")
            .And.Contain("no_such_variable")
            .And.NotContain("\n");
    }

    [Fact]
    public async Task Syntax_ErrorInACatalogueTemplateNamesTheLine()
    {
        var inputs = await WithNovaTemplateAsync("nova.conf.j2", "[DEFAULT]\n\n\n{% if %}\nx = 1\n{% endif %}\n");

        var act = () => DeploymentPlanner.Plan(inputs);

        // Every controller fails; the error is always the first host's (inventory order), whatever the thread timing.
        Assert.Throws<PlanningException>(act).Message.Should()
            .MatchRegex(@"^control01: nova_[a-z_]+: nova\.conf: catalogue/nova/templates/nova\.conf\.j2:4: ");
    }

    [Fact]
    public async Task Error_InAnOperatorOverrideNamesTheOverrideFileAndLine()
    {
        var inputs = await Samples.LoadAsync(Samples.Multinode, TestContext.Current.CancellationToken);
        inputs = inputs with
        {
            Overrides = OverrideTree.FromFiles("/etc/kolla/config", new Dictionary<string, string>
            {
                ["nova/nova-compute.conf"] = "[libvirt]\n# qemu for VMs\nvirt_type = {{ nova_virt_type_typo }}\n",
            }),
        };

        var act = () => DeploymentPlanner.Plan(inputs);

        Assert.Throws<PlanningException>(act).Message.Should().StartWith("compute01: nova_compute: nova.conf: ")
            .And.Contain("/etc/kolla/config/nova/nova-compute.conf:3:")
            .And.Contain("nova_virt_type_typo");
    }

    [Fact]
    public async Task Error_InAContainerValueNamesHostAndContainer()
    {
        var inputs = await Samples.LoadAsync(Samples.Multinode, TestContext.Current.CancellationToken);
        inputs = inputs with { ExtraVars = new Dictionary<string, object?> { ["nova_compute_image_full"] = "{{ undefined_registry }}/nova-compute" } };

        var act = () => DeploymentPlanner.Plan(inputs);

        // An extra variable is the cause, so the error is stated at it; the host and container come after.
        Assert.Throws<PlanningException>(act).Message.Should()
            .StartWith("extra vars: cannot evaluate 'nova_compute_image_full' (needed by compute01: nova_compute): ").And.Contain("undefined_registry");
    }
}
