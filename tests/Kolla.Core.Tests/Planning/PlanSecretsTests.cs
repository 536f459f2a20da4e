using System.Text;
using Kolla.Planning;

namespace Kolla.Tests.Planning;

/// <summary>The plan knows the values templates derive from passwords, and its errors do not carry them.</summary>
public class PlanSecretsTests
{
    private static async Task<DeploymentInputs> WithComputeOverrideAsync(string text)
    {
        var inputs = await Samples.LoadAsync(Samples.Multinode, TestContext.Current.CancellationToken);
        return inputs with { Overrides = OverrideTree.FromFiles("/etc/kolla/config", new Dictionary<string, string> { ["nova/nova-compute.conf"] = text }) };
    }

    [Fact]
    public async Task Plan_OverrideDerivingFromAPassword_ListsTheDerivedTextsAsSecrets()
    {
        var inputs = await WithComputeOverrideAsync("[libvirt]\nderived = {{ nova_keystone_password | upper }}\nshort = {{ nova_keystone_password[:2] }}\n");
        var password = (string)inputs.Passwords["nova_keystone_password"]!;

        var plan = DeploymentPlanner.Plan(inputs, new PlanOptions { Limit = "compute01" });

        plan.Secrets.Should().Contain([password, password.ToUpperInvariant(), $"short = {password[..2]}"]);
        var novaConf = plan.Hosts.Single().Containers.Single(c => c.Spec.Name == "nova_compute").Files.Single(f => f.Path.EndsWith("/nova.conf", StringComparison.Ordinal));
        Encoding.UTF8.GetString(novaConf.Content.Span).Should().Contain($"derived = {password.ToUpperInvariant()}\n", "the file itself holds the real value");
    }

    [Fact]
    public async Task Plan_MergeErrorQuotingADerivedValue_DoesNotCarryIt()
    {
        var inputs = await WithComputeOverrideAsync("[libvirt]\n{{ nova_keystone_password | upper }}\n");
        var derived = ((string)inputs.Passwords["nova_keystone_password"]!).ToUpperInvariant();

        var act = () => DeploymentPlanner.Plan(inputs);

        Assert.Throws<PlanningException>(act).Message.Should().StartWith("compute01: nova_compute: nova.conf: ")
            .And.Contain("/etc/kolla/config/nova/nova-compute.conf:2:")
            .And.Contain("'***'")
            .And.NotContain(derived);
    }
}
