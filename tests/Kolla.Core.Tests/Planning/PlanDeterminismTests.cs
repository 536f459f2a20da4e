using System.Text;
using Kolla.Containers;
using Kolla.Planning;
using Kolla.TestKit;

namespace Kolla.Tests.Planning;

/// <summary>Planning is deterministic: the same inputs give identical bytes, wherever the inputs live and whatever the working directory.</summary>
[Collection(nameof(WorkingDirectoryCollection))]
public class PlanDeterminismTests
{
    public static TheoryData<string> SampleNames => [Samples.AllInOne, Samples.Multinode];

    [Theory]
    [MemberData(nameof(SampleNames))]
    public async Task Planning_TwiceGivesIdenticalPlans(string sample)
    {
        var inputs = await Samples.LoadAsync(sample, TestContext.Current.CancellationToken);
        var again = await Samples.LoadAsync(sample, TestContext.Current.CancellationToken);

        var first = Fingerprint(DeploymentPlanner.Plan(inputs));
        var second = Fingerprint(DeploymentPlanner.Plan(inputs));
        var third = Fingerprint(DeploymentPlanner.Plan(again));

        second.Should().Be(first);
        third.Should().Be(first);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public async Task Copy_ElsewherePlannedFromAnotherWorkingDirectoryGivesIdenticalPlans(string sample)
    {
        var ct = TestContext.Current.CancellationToken;
        var expected = Fingerprint(DeploymentPlanner.Plan(await Samples.LoadAsync(sample, ct)));
        var copy = Directory.CreateTempSubdirectory("kolla-plan-determinism-");
        var previous = Environment.CurrentDirectory;
        try
        {
            DirectoryTrees.Copy(Samples.Directory(sample), Path.Combine(copy.FullName, "deployment"));
            Environment.CurrentDirectory = Path.Combine(copy.FullName, "deployment");

            var relative = await Samples.LoadFromAsync(".", "inventory", ct);
            var actual = Fingerprint(DeploymentPlanner.Plan(relative));

            actual.Should().Be(expected);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
            copy.Delete(recursive: true);
        }
    }

    /// <summary>Everything a plan holds, as text: hosts, targets, containers, specs, files (path, mode, hash), bootstraps.</summary>
    internal static string Fingerprint(DeploymentPlan plan)
    {
        var text = new StringBuilder();
        text.Append("order ").AppendJoin(',', plan.ServiceOrder).Append('\n');
        foreach (var host in plan.Hosts)
        {
            text.Append("host ").Append(host.Host).Append(' ').Append(host.Target.Address).Append(' ').Append(host.NodeConfigDirectory).Append('\n');
            text.Append(" volumes ").AppendJoin(',', host.Volumes).Append("\n images ").AppendJoin(',', host.Images).Append('\n');
            foreach (var container in host.Containers)
            {
                text.Append(" container ").Append(container.Service).Append('/').Append(container.Key).Append(' ').Append(container.ConfigHash)
                    .Append(' ').Append(container.Restart).Append('\n');
                text.Append("  spec ").Append(ContainerSpecHasher.ToCanonicalJson(container.Spec)).Append('\n');
                foreach (var file in container.Files)
                {
                    text.Append("  file ").Append(file.Path).Append(' ').Append(Convert.ToString(file.Mode, 8)).Append(' ').Append(file.Sha256).Append('\n');
                }

                foreach (var bootstrap in container.Bootstraps)
                {
                    text.Append("  bootstrap ").Append(bootstrap.Timeout).Append(' ').Append(ContainerSpecHasher.ToCanonicalJson(bootstrap.Spec)).Append('\n');
                }
            }
        }

        return text.ToString();
    }
}

/// <summary>Tests that change the process-wide working directory run alone.</summary>
[CollectionDefinition(nameof(WorkingDirectoryCollection), DisableParallelization = true)]
public sealed class WorkingDirectoryCollection;
