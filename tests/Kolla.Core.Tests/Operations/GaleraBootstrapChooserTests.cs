using Kolla.Operations;

namespace Kolla.Tests.Operations;

public sealed class GaleraBootstrapChooserTests
{
    private const string Cluster = "8d6c0f3e-5a1b-11ef-9c2d-0242ac120002";
    private const string Other = "11111111-2222-3333-4444-555555555555";

    private static GaleraPosition Node(string host, long seqno, bool safe = false, string? uuid = Cluster) =>
        new(host, seqno < 0 && uuid == Cluster ? null : uuid, seqno, safe, HasStateFile: true);

    [Fact]
    public void Choose_HighestSeqno_WinsOverInventoryOrderAndSafeFlag()
    {
        var chosen = GaleraBootstrapChooser.Choose([Node("db1", 10, safe: true), Node("db2", 12), Node("db3", 11)]);

        chosen.Host.Should().Be("db2");
    }

    [Fact]
    public void Choose_TieOnSeqno_PrefersSafeToBootstrap()
    {
        GaleraBootstrapChooser.Choose([Node("db1", 12), Node("db2", 12, safe: true), Node("db3", 12)]).Host.Should().Be("db2");
    }

    [Fact]
    public void Choose_TieWithoutSafeFlag_FirstInInventoryOrder()
    {
        GaleraBootstrapChooser.Choose([Node("db1", 3), Node("db2", 12), Node("db3", 12)]).Host.Should().Be("db2");
    }

    [Fact]
    public void Choose_NodeWithSeqnoMinusOne_NeverBeatsAKnownPosition()
    {
        GaleraBootstrapChooser.Choose([Node("db1", -1, safe: true), Node("db2", 0), Node("db3", -1)]).Host.Should().Be("db2");
    }

    [Fact]
    public void Choose_MissingStateFileAndNoRecovery_TheOthersDecide()
    {
        var missing = new GaleraPosition("db1", null, -1, SafeToBootstrap: false, HasStateFile: false);

        GaleraBootstrapChooser.Choose([missing, Node("db2", 4), Node("db3", 5)]).Host.Should().Be("db3");
    }

    [Fact]
    public void Choose_NoKnownPosition_SafeToBootstrapNodeChosen()
    {
        GaleraBootstrapChooser.Choose([Node("db1", -1), Node("db2", -1, safe: true), Node("db3", -1)]).Host.Should().Be("db2");
    }

    [Fact]
    public void Choose_NoKnownPositionNoSafeNode_RefusesNamingTheOption()
    {
        var act = () => GaleraBootstrapChooser.Choose([Node("db1", -1), Node("db2", -1), Node("db3", -1)]);

        act.Should().Throw<KollaException>().WithMessage("no MariaDB host knows its Galera position*db1, db2, db3*--bootstrap-host HOST");
    }

    [Fact]
    public void Choose_DifferentClusterUuids_Refuses()
    {
        var act = () => GaleraBootstrapChooser.Choose([Node("db1", 40), Node("db2", 90, uuid: Other), Node("db3", 40)]);

        act.Should().Throw<KollaException>().WithMessage($"*different Galera clusters ({Cluster}: db1, db3; {Other}: db2)*--bootstrap-host HOST");
    }

    [Fact]
    public void Choose_RequestedHost_WinsEvenOverAMoreAdvancedNode()
    {
        GaleraBootstrapChooser.Choose([Node("db1", 10), Node("db2", 12)], requested: "db1").Host.Should().Be("db1");
    }

    [Fact]
    public void Choose_RequestedHostNotInTheCluster_Refuses()
    {
        var act = () => GaleraBootstrapChooser.Choose([Node("db1", 10), Node("db2", 12)], requested: "db9");

        act.Should().Throw<KollaException>().WithMessage("--bootstrap-host db9: not a MariaDB host of the plan (MariaDB hosts: db1, db2)");
    }

    [Fact]
    public void Choose_SingleNode_ItIsTheBootstrapNode()
    {
        GaleraBootstrapChooser.Choose([Node("db1", -1)]).Host.Should().Be("db1");
    }
}
