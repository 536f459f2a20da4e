using Kolla.Images;

namespace Kolla.Tests.Images;

public class BuildPlannerTests
{
    private static BuildPlan Plan(ImageSelection selection, params (string, string)[] extra) =>
        BuildPlanner.Plan(TestTrees.ThreeLevels(extra), new ImageBuildSettings(), selection);

    [Fact]
    public void No_selection_plans_every_image_parents_first()
    {
        var plan = Plan(ImageSelection.All);

        plan.Steps.Select(s => s.Name).Should().Equal("base", "service-base", "tools", "service-api", "service-worker");
        plan.Steps.Select(s => s.Depth).Should().Equal(0, 1, 1, 2, 2);
        plan.NotMatched.Should().BeEmpty();
        plan.ChildrenOf("service-base").Select(s => s.Name).Should().Equal("service-api", "service-worker");
    }

    [Fact]
    public void A_pattern_selects_matches_and_their_ancestors_unanchored()
    {
        var plan = Plan(new ImageSelection(["api$", "^to"]));

        plan.Steps.Select(s => s.Name).Should().Equal("base", "service-base", "tools", "service-api");
        plan.NotMatched.Should().Equal("service-worker");
    }

    [Fact]
    public void An_unanchored_pattern_matches_inside_names()
    {
        Plan(new ImageSelection(["worker"])).Steps.Select(s => s.Name).Should().Equal("base", "service-base", "service-worker");
    }

    [Fact]
    public void A_profile_from_the_tree_selects_its_patterns()
    {
        var plan = Plan(new ImageSelection([], "apis"), ("profiles.yml", "apis:\n  - service-api\n"));

        plan.Steps.Select(s => s.Name).Should().Equal("base", "service-base", "service-api");
    }

    [Fact]
    public void An_unknown_profile_is_an_error_listing_the_known_ones()
    {
        var act = () => Plan(new ImageSelection([], "nope"), ("profiles.yml", "apis: [x]\nall: [.]\n"));

        act.Should().Throw<ImageBuildException>().WithMessage("--profile: unknown profile 'nope' (known: all, apis)");
    }

    [Fact]
    public void An_invalid_pattern_is_an_error()
    {
        var act = () => Plan(new ImageSelection(["("]));

        act.Should().Throw<ImageBuildException>().Which.Message.Should().StartWith("invalid image pattern '('");
    }

    [Fact]
    public void A_cycle_is_an_error_naming_the_dockerfile_and_line()
    {
        var act = () => Plan(
            ImageSelection.All,
            ("loop-a/Dockerfile.j2", "FROM {{ namespace }}/loop-b:{{ tag }}\n"),
            ("loop-b/Dockerfile.j2", "\nFROM {{ namespace }}/loop-a:{{ tag }}\n"));

        act.Should().Throw<ImageBuildException>().Which.Message.Should().Be(
            "tree/loop-a/Dockerfile.j2:1: images form a cycle: loop-a -> loop-b -> loop-a (rendered Dockerfile line 1)");
    }
}
