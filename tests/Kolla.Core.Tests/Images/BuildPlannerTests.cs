using Kolla.Images;

namespace Kolla.Tests.Images;

public class BuildPlannerTests
{
    private static BuildPlan Plan(ImageSelection selection, params (string, string)[] extra) =>
        BuildPlanner.Plan(TestTrees.ThreeLevels(extra), new ImageBuildSettings(), selection);

    [Fact]
    public void No_SelectionPlansEveryImageParentsFirst()
    {
        var plan = Plan(ImageSelection.All);

        plan.Steps.Select(s => s.Name).Should().Equal("base", "service-base", "tools", "service-api", "service-worker");
        plan.Steps.Select(s => s.Depth).Should().Equal(0, 1, 1, 2, 2);
        plan.NotMatched.Should().BeEmpty();
        plan.ChildrenOf("service-base").Select(s => s.Name).Should().Equal("service-api", "service-worker");
    }

    [Fact]
    public void Pattern_SelectsMatchesAndTheirAncestorsUnanchored()
    {
        var plan = Plan(new ImageSelection(["api$", "^to"]));

        plan.Steps.Select(s => s.Name).Should().Equal("base", "service-base", "tools", "service-api");
        plan.NotMatched.Should().Equal("service-worker");
    }

    [Fact]
    public void Unanchored_PatternMatchesInsideNames()
    {
        Plan(new ImageSelection(["worker"])).Steps.Select(s => s.Name).Should().Equal("base", "service-base", "service-worker");
    }

    [Fact]
    public void Profile_FromTheTreeSelectsItsPatterns()
    {
        var plan = Plan(new ImageSelection([], "apis"), ("profiles.yml", "apis:\n  - service-api\n"));

        plan.Steps.Select(s => s.Name).Should().Equal("base", "service-base", "service-api");
    }

    [Fact]
    public void Unknown_ProfileIsAnErrorListingTheKnownOnes()
    {
        var act = () => Plan(new ImageSelection([], "nope"), ("profiles.yml", "apis: [x]\nall: [.]\n"));

        act.Should().Throw<ImageBuildException>().WithMessage("--profile: unknown profile 'nope' (known: all, apis)");
    }

    [Fact]
    public void Invalid_PatternIsAnError()
    {
        var act = () => Plan(new ImageSelection(["("]));

        act.Should().Throw<ImageBuildException>().Which.Message.Should().StartWith("invalid image pattern '('");
    }

    [Fact]
    public void Cycle_IsAnErrorNamingTheDockerfileAndLine()
    {
        var act = () => Plan(
            ImageSelection.All,
            ("loop-a/Dockerfile.j2", "FROM {{ namespace }}/loop-b:{{ tag }}\n"),
            ("loop-b/Dockerfile.j2", "\nFROM {{ namespace }}/loop-a:{{ tag }}\n"));

        act.Should().Throw<ImageBuildException>().Which.Message.Should().Be(
            "tree/loop-a/Dockerfile.j2:1: images form a cycle: loop-a -> loop-b -> loop-a (rendered Dockerfile line 1)");
    }
}
