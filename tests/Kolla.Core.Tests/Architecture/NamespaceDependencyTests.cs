namespace Kolla.Tests.Architecture;

/// <summary>Kolla.Core's namespaces form layers: the planner is pure, executors sit above it, nothing loops.</summary>
public sealed class NamespaceDependencyTests
{
    // What runs against hosts: the planner and everything it uses must never reach these.
    private static readonly string[] Execution = ["Hosts", "Changes", "Converge", "Operations", "Prechecks", "Deployment"];

    [Fact]
    public void Planning_ReachesNoExecutionNamespace()
    {
        var graph = NamespaceGraph.Core();

        graph.Edges.Should().ContainKey("Planning");
        graph.Reachable("Planning").Should().NotIntersectWith(Execution, because: "the planner is pure; the graph is\n{0}", graph);
    }

    [Fact]
    public void Core_HasNoNamespaceCycle()
    {
        var graph = NamespaceGraph.Core();

        graph.Cycles().Should().BeEmpty(because: "each namespace uses only the ones below it; the graph is\n{0}", graph);
    }

    [Fact]
    public void Compat_IsUsedButUsesNothingAbove()
    {
        var graph = NamespaceGraph.Core();

        // The Python/Ansible imitation layer is the bottom: it may use only the root (KollaException).
        graph.Edges.Should().ContainKey("Compat");
        graph.Edges["Compat"].Should().BeSubsetOf(["Kolla"], because: "the graph is\n{0}", graph);
    }

    [Fact]
    public void Read_ReportsAFilesUsingsAndQualifiedNames()
    {
        var root = Path.Combine(Path.GetTempPath(), "kolla-nsgraph-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "Alpha"));
            Directory.CreateDirectory(Path.Combine(root, "Beta"));
            File.WriteAllText(Path.Combine(root, "Alpha", "X.cs"), "using Kolla.Beta;\nnamespace Kolla.Alpha;\n/// <see cref=\"Kolla.Gamma.Z\"/>\nclass X {}\n");
            File.WriteAllText(Path.Combine(root, "Beta", "Y.cs"), "namespace Kolla.Beta;\nclass Y { Kolla.Alpha.X? x; }\n");

            var graph = NamespaceGraph.Read(root);

            graph.Edges["Alpha"].Should().BeEquivalentTo(["Beta", "Gamma"]);
            graph.Cycles().Should().BeEquivalentTo(["Alpha", "Beta"]);
            graph.Reachable("Alpha").Should().BeEquivalentTo(["Beta", "Gamma"]);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
