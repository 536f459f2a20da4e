using Kolla.Tests.Lifecycle;

namespace Kolla.Tests.Limits;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LimitVariablesCollection
{
    public const string Name = "limit environment variables";
}

/// <summary>
/// The environment variables that raise a limit, read by the CLI as by any embedding application (they change the
/// process environment, so these tests run alone).
/// </summary>
[Collection(LimitVariablesCollection.Name)]
public sealed class LimitVariablesCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kolla-cli-limit-vars-").FullName;

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("KOLLA_MAX_INVENTORY_HOSTS", null);
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task InventoryList_HostLimitLoweredByItsVariable_RefusesTheThirdHost()
    {
        var inventory = await WriteInventoryAsync("[compute]\nc1\nc2\nc3\n");
        Environment.SetEnvironmentVariable("KOLLA_MAX_INVENTORY_HOSTS", "2");

        var (code, _, error) = await CliRun.RunAsync("inventory", "list", "-i", inventory);

        code.Should().Be(1);
        error.Should().Be($"{inventory}:4: the inventory holds more than 2 hosts (set KOLLA_MAX_INVENTORY_HOSTS to allow more)\n");
    }

    [Fact]
    public async Task InventoryList_HostLimitVariableNotANumber_FailsWithOneLineNamingIt()
    {
        var inventory = await WriteInventoryAsync("[compute]\nc1\n");
        Environment.SetEnvironmentVariable("KOLLA_MAX_INVENTORY_HOSTS", "lots");

        var (code, output, error) = await CliRun.RunAsync("inventory", "list", "-i", inventory);

        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Be("KOLLA_MAX_INVENTORY_HOSTS must be a whole number from 1 to 2147483647, not 'lots'\n");
    }

    private async Task<string> WriteInventoryAsync(string text)
    {
        var path = Path.Combine(_dir, "hosts");
        await File.WriteAllTextAsync(path, text, TestContext.Current.CancellationToken);
        return path;
    }
}
