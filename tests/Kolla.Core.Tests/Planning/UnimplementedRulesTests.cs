using Kolla.Planning;
using Kolla.Services;

namespace Kolla.Tests.Planning;

public sealed class UnimplementedRulesTests
{
    [Fact]
    public void BuiltIn_ListsKollaAnsiblesFlagsOnce_AndTheSettings()
    {
        var rules = UnimplementedRules.BuiltIn;

        var flags = rules.Where(r => r.Kind is UnimplementedRuleKind.Service or UnimplementedRuleKind.Feature or UnimplementedRuleKind.Accepted).ToList();
        flags.Should().OnlyContain(r => r.Variable.StartsWith("enable_", StringComparison.Ordinal));
        flags.Select(r => r.Variable).Should().OnlyHaveUniqueItems().And.HaveCount(158);
        rules.Where(r => r.Kind is UnimplementedRuleKind.RefusedWhenTrue or UnimplementedRuleKind.SupportedValues).Select(r => r.Variable)
            .Should().Contain(["kolla_enable_tls_backend", "kolla_container_engine", "neutron_plugin_agent"])
            .And.NotContain(["kolla_enable_tls_internal", "kolla_enable_tls_external", "database_enable_tls_internal"], "TLS on the VIPs and ProxySQL's frontend TLS are implemented");
    }

    [Fact]
    public void BuiltIn_EveryBuiltInServiceFlag_IsListedWithItsService()
    {
        var catalogue = ServiceCatalogueLoader.LoadBuiltIn();
        var byVariable = UnimplementedRules.BuiltIn.Where(r => r.Kind == UnimplementedRuleKind.Service).ToDictionary(r => r.Variable, r => r.Text);

        foreach (var service in catalogue.Services.Where(s => s.Name != "common" && s.Name != "loadbalancer"))
        {
            byVariable.Should().ContainKey($"enable_{service.Name}").WhoseValue.Should().Be(service.Name);
        }
    }

    [Theory]
    [InlineData("flags:\n  enable_x: {}\n", "catalogue/test.yml:2: flag 'enable_x' needs a service, a feature or accepted")]
    [InlineData("settings:\n  x: {refused: true}\n", "catalogue/test.yml:2: setting 'x' needs a reason")]
    [InlineData("settings:\n  x: {reason: why}\n", "catalogue/test.yml:2: setting 'x' needs 'refused: true' or a 'supported' list")]
    [InlineData("other:\n  x: y\n", "catalogue/test.yml:1: unknown section 'other' (expected flags or settings)")]
    public void Read_MalformedEntry_NamesTheLine(string yaml, string message)
    {
        var act = () => UnimplementedRules.Read("catalogue/test.yml", yaml);

        act.Should().Throw<CatalogueException>().WithMessage(message);
    }

    [Fact]
    public void Read_SettingsComeBeforeFlags()
    {
        var rules = UnimplementedRules.Read("t.yml", "flags:\n  enable_a: a\nsettings:\n  enable_a: {refused: true, reason: no}\n  b: {supported: [x, y], reason: only x or y, kolla_ansible_default: \"'z'\"}\n");

        rules.Should().Equal(
            new UnimplementedRule("enable_a", UnimplementedRuleKind.RefusedWhenTrue, "no", [], null),
            new UnimplementedRule("b", UnimplementedRuleKind.SupportedValues, "only x or y", rules[1].Supported, "'z'"),
            new UnimplementedRule("enable_a", UnimplementedRuleKind.Service, "a", [], null));
        rules[1].Supported.Should().Equal("x", "y");
    }
}
