using Kolla.Planning;
using Kolla.TestKit.Golden;

namespace Kolla.Tests.Planning;

/// <summary>
/// The full genconfig output of the shipped samples, compared byte for byte with the reviewable trees under
/// Golden/genconfig/&lt;sample&gt;/&lt;host&gt;/&lt;service key&gt;/. Set KOLLA_UPDATE_GOLDEN=1 to rewrite them.
/// </summary>
public class GenConfigGoldenTests
{
    [Theory]
    [InlineData(Samples.AllInOne)]
    [InlineData(Samples.Multinode)]
    public async Task Sample_OutputMatchesTheGoldenTree(string sample)
    {
        var inputs = await Samples.LoadAsync(sample, TestContext.Current.CancellationToken);

        var plan = DeploymentPlanner.Plan(inputs);

        GoldenFiles.AssertTree(Samples.GoldenTree(sample), Samples.Tree(plan));
    }
}
