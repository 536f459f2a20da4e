namespace Kolla.Tests.Limits;

/// <summary>The limits an operator can raise, and how their environment variables are read.</summary>
public sealed class KollaLimitsTests
{
    [Fact]
    public void FromVariables_NoneSet_GivesTheDocumentedDefaults()
    {
        var limits = KollaLimits.FromVariables(_ => null);

        limits.Should().Be(KollaLimits.Default);
        limits.MaxDocumentBytes.Should().Be(16 * 1024 * 1024);
        limits.MaxInventoryHosts.Should().Be(100_000);
        limits.MaxTemplateOutput.Should().Be(16 * 1024 * 1024);
        limits.MaxTemplateLoopIterations.Should().Be(10_000_000);
    }

    [Fact]
    public void FromVariables_EachVariableSet_RaisesItsLimit()
    {
        var variables = new Dictionary<string, string>
        {
            ["KOLLA_MAX_DOCUMENT_BYTES"] = "67108864",
            ["KOLLA_MAX_INVENTORY_HOSTS"] = " 250000 ",
            ["KOLLA_MAX_TEMPLATE_OUTPUT"] = "33554432",
            ["KOLLA_MAX_TEMPLATE_LOOP_ITERATIONS"] = "50000000",
        };

        var limits = KollaLimits.FromVariables(variables.GetValueOrDefault);

        limits.Should().Be(new KollaLimits
        {
            MaxDocumentBytes = 64 * 1024 * 1024,
            MaxInventoryHosts = 250_000,
            MaxTemplateOutput = 32 * 1024 * 1024,
            MaxTemplateLoopIterations = 50_000_000,
        });
    }

    [Theory]
    [InlineData("KOLLA_MAX_INVENTORY_HOSTS", "lots")]
    [InlineData("KOLLA_MAX_INVENTORY_HOSTS", "0")]
    [InlineData("KOLLA_MAX_INVENTORY_HOSTS", "-5")]
    [InlineData("KOLLA_MAX_INVENTORY_HOSTS", "99999999999")]
    [InlineData("KOLLA_MAX_TEMPLATE_OUTPUT", "1e6")]
    [InlineData("KOLLA_MAX_DOCUMENT_BYTES", "16MiB")]
    public void FromVariables_NotAPositiveWholeNumber_IsAKollaExceptionNamingTheVariable(string name, string value)
    {
        var act = () => KollaLimits.FromVariables(n => n == name ? value : null);

        act.Should().Throw<KollaException>().WithMessage($"{name} must be a whole number from 1 to *, not '{value}'");
    }
}
