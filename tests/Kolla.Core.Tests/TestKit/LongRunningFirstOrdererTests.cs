using Kolla.TestKit;
using Xunit.v3;

namespace Kolla.Tests.TestKit;

public sealed class LongRunningFirstOrdererTests
{
    [Fact]
    public void OrderTestCollections_ClassCollectionsFromXunitsOwnFactory_StartsTheLongRunningClassesFirst()
    {
        // The collections as xUnit itself makes them for classes without [Collection].
        var factory = new CollectionPerClassTestCollectionFactory(new XunitTestAssembly(typeof(LongRunningFirstOrdererTests).Assembly));
        var quickOne = factory.Get(typeof(QuickOne));
        var slow = factory.Get(typeof(Slow));
        var quickTwo = factory.Get(typeof(QuickTwo));
        var alsoSlow = factory.Get(typeof(AlsoSlow));

        var ordered = new LongRunningFirstOrderer().OrderTestCollections([quickOne, slow, quickTwo, alsoSlow]);

        ordered.Take(2).Should().BeEquivalentTo([slow, alsoSlow]);
        ordered.Skip(2).Should().BeEquivalentTo([quickOne, quickTwo]);
    }

    [Fact]
    public void OrderTestCollections_NoLongRunningClass_KeepsOneStableOrder()
    {
        var factory = new CollectionPerClassTestCollectionFactory(new XunitTestAssembly(typeof(LongRunningFirstOrdererTests).Assembly));
        var one = factory.Get(typeof(QuickOne));
        var two = factory.Get(typeof(QuickTwo));
        var orderer = new LongRunningFirstOrderer();

        orderer.OrderTestCollections([one, two]).Should().Equal(orderer.OrderTestCollections([two, one]));
    }

    private sealed class QuickOne;

    private sealed class QuickTwo;

    [LongRunning]
    private sealed class Slow;

    [LongRunning]
    private sealed class AlsoSlow;
}
