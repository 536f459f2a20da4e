using System.Text;
using Kolla.Changes;
using Kolla.Containers;
using Kolla.Hosts;
using Kolla.Planning;
using Kolla.Services;

namespace Kolla.Tests.Execution;

public sealed class ChangeCalculatorTests
{
    private const string Root = "/etc/kolla";

    private static ContainerPlan Plan(string name = "memcached", string content = "[DEFAULT]\nk = v\n\n", string image = "kolla/memcached:1", RestartStrategy restart = RestartStrategy.Parallel)
    {
        var file = PlannedFile.Create($"{Root}/{name}/memcached.conf", Encoding.UTF8.GetBytes(content), Convert.ToInt32("660", 8));
        var files = new[] { file };
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(file.Path + file.Sha256)));
        return new ContainerPlan("memcached", name, new ContainerSpec { Name = name, Image = image, Volumes = [$"{Root}/{name}/:/var/lib/kolla/config_files/:ro", "kolla_logs:/var/log/kolla/"] }, $"{Root}/{name}", files, hash, restart, []);
    }

    private static ObservedHostState StateAfter(ContainerPlan plan, string status = "running", string? appliedHash = null, bool withLabels = true)
    {
        var files = plan.Files.ToDictionary(f => f.Path, f => new HostFileState(f.Path, f.Sha256, f.Mode, "root", "root"));
        var marker = $"{ObservedHostState.StateDirectory(Root, plan.Spec.Name)}/{appliedHash ?? plan.ConfigHash}";
        files[marker] = new HostFileState(marker, "e3b0", Convert.ToInt32("600", 8), "root", "root");
        var labels = withLabels
            ? new Dictionary<string, string> { [KollaLabels.SpecHash] = plan.Spec.ComputeHash(), [KollaLabels.ConfigHash] = plan.ConfigHash }
            : new Dictionary<string, string>();
        var container = new ContainerState { Name = plan.Spec.Name, Id = "abc", Image = plan.Spec.Image, ImageId = "sha256:1", Status = status, Labels = labels };
        return new ObservedHostState(
            new Dictionary<string, ContainerState> { [plan.Spec.Name] = container },
            files,
            new HashSet<string> { "kolla_logs" },
            new Dictionary<string, ImageState?> { [plan.Spec.Image] = new ImageState("sha256:1", [plan.Spec.Image], new Dictionary<string, string>()) },
            Root);
    }

    [Fact]
    public void For_FreshHost_WritesFilesCreatesVolumePullsImageAndCreatesContainer()
    {
        var plan = Plan();

        var changes = new ChangeCalculator(ObservedHostState.Empty(Root)).For(plan);

        changes.Select(c => c.GetType().Name).Should().Equal(
            nameof(WriteFileChange), nameof(CreateVolumeChange), nameof(PullImageChange), nameof(CreateContainerChange), nameof(RecordConfigChange));
    }

    [Fact]
    public void For_ConvergedContainer_ChangesNothing()
    {
        var plan = Plan();

        var changes = new ChangeCalculator(StateAfter(plan)).For(plan);

        changes.Should().BeEmpty();
    }

    [Fact]
    public void For_ConfigFileChanged_RestartsOnceAndRecords()
    {
        var plan = Plan();
        var changed = Plan(content: "[DEFAULT]\nk = other\n\n");

        var changes = new ChangeCalculator(StateAfter(plan)).For(changed);

        changes.OfType<WriteFileChange>().Should().ContainSingle();
        changes.OfType<RestartContainerChange>().Should().ContainSingle().Which.Disruptive.Should().BeTrue();
        changes.OfType<RecreateContainerChange>().Should().BeEmpty();
    }

    [Fact]
    public void For_FilesAlreadyWrittenByAFailedRun_StillRestarts()
    {
        var old = Plan();
        var desired = Plan(content: "[DEFAULT]\nk = other\n\n");
        var state = StateAfter(desired, appliedHash: old.ConfigHash);

        var changes = new ChangeCalculator(state).For(desired);

        changes.OfType<WriteFileChange>().Should().BeEmpty();
        changes.OfType<RestartContainerChange>().Should().ContainSingle().Which.Reason.Should().Contain("earlier run");
    }

    [Fact]
    public void For_SpecChanged_RecreatesWithDifferences()
    {
        var plan = Plan();
        var desired = Plan(image: "kolla/memcached:2");
        var state = StateAfter(plan) with
        {
            Images = new Dictionary<string, ImageState?> { ["kolla/memcached:2"] = new ImageState("sha256:2", ["kolla/memcached:2"], new Dictionary<string, string>()) },
        };

        var changes = new ChangeCalculator(state).For(desired);

        changes.OfType<RecreateContainerChange>().Should().ContainSingle().Which.Differences.Should().NotBeEmpty();
        changes.OfType<RestartContainerChange>().Should().BeEmpty();
    }

    [Fact]
    public void For_SpecChangeOnlyContainerWithNewConfig_HoldsTheRestart()
    {
        var plan = Plan(restart: RestartStrategy.SpecChangeOnly);
        var desired = Plan(content: "[DEFAULT]\nk = other\n\n", restart: RestartStrategy.SpecChangeOnly);

        var changes = new ChangeCalculator(StateAfter(plan)).For(desired);

        changes.OfType<HeldRestartChange>().Should().ContainSingle();
        changes.OfType<RestartContainerChange>().Should().BeEmpty();
        changes.OfType<RecordConfigChange>().Should().BeEmpty("the held restart stays visible until it happens");
    }

    [Fact]
    public void For_StaleFileInConfigDirectory_IsDeletedAndRestarts()
    {
        var plan = Plan();
        var state = StateAfter(plan);
        var files = state.Files.ToDictionary();
        files[$"{Root}/memcached/removed-override.conf"] = new HostFileState($"{Root}/memcached/removed-override.conf", "00", 432, "root", "root");

        var changes = new ChangeCalculator(state with { Files = files }).For(plan);

        changes.OfType<DeleteFileChange>().Should().ContainSingle().Which.Path.Should().EndWith("removed-override.conf");
        changes.OfType<RestartContainerChange>().Should().ContainSingle();
    }

    [Fact]
    public void For_StoppedContainer_IsStarted()
    {
        var plan = Plan();

        var changes = new ChangeCalculator(StateAfter(plan, status: "exited")).For(plan);

        changes.Should().ContainSingle().Which.Should().BeOfType<StartContainerChange>();
    }

    [Fact]
    public void For_UnlabelledContainerWithMatchingFiles_IsAdoptedWithoutRestart()
    {
        var plan = Plan();
        var state = StateAfter(plan, withLabels: false);
        var files = state.Files.Where(f => !f.Key.Contains(ObservedHostState.StateDirectoryName, StringComparison.Ordinal)).ToDictionary();
        var kollaAnsibleContainer = state.Containers[plan.Spec.Name] with
        {
            ImageId = "sha256:1",
            Binds = [$"{Root}/memcached/:/var/lib/kolla/config_files/:ro", "kolla_logs:/var/log/kolla/:rw"],
            VolumeDestinations = ["/var/lib/kolla/config_files/", "/var/log/kolla/"],
            Environment = ["KOLLA_SERVICE_NAME=memcached", "TZ=UTC"],
        };
        var containers = new Dictionary<string, ContainerState> { [plan.Spec.Name] = kollaAnsibleContainer };

        var changes = new ChangeCalculator(state with { Files = files, Containers = containers }).For(plan);

        changes.OfType<RestartContainerChange>().Should().BeEmpty();
        changes.OfType<RecreateContainerChange>().Should().BeEmpty();
    }

    [Fact]
    public void For_TwoContainersSharingAVolume_CreatesItOnce()
    {
        var calculator = new ChangeCalculator(ObservedHostState.Empty(Root));

        var first = calculator.For(Plan("memcached"));
        var second = calculator.For(Plan("memcached2"));

        first.OfType<CreateVolumeChange>().Should().ContainSingle();
        second.OfType<CreateVolumeChange>().Should().BeEmpty();
        second.OfType<PullImageChange>().Should().BeEmpty();
    }
}
