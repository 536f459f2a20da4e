using Kolla.TestKit.Inventory;

namespace Kolla.Tests.Inventory;

/// <summary>Gets the ansible-inventory oracle, skipping the test locally when it is missing and failing under CI=true.</summary>
internal static class AnsibleRequirement
{
    private static readonly Lazy<AnsibleInventoryOracle?> Oracle = new(AnsibleInventoryOracle.TryCreate);

    public static AnsibleInventoryOracle Get()
    {
        if (Oracle.Value is { } oracle)
        {
            return oracle;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(AnsibleInventoryOracle.InstallHint);
        }

        Assert.Skip(AnsibleInventoryOracle.InstallHint);
        return null!;
    }
}
