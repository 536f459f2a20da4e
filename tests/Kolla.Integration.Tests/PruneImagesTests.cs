using Kolla.TestKit;
using Kolla.Tests.Rig;

namespace Kolla.Tests;

/// <summary><c>kolla prune-images</c> on the assembly's Docker engine: which images go, which stay, and the confirmation.</summary>
/// <remarks>Shares a collection with <see cref="CliBuildTests"/>, whose images carry the <c>kolla_version</c> label too.</remarks>
[Collection(KollaImagesCollection.Name)]
public sealed class PruneImagesTests(DockerEngineFixture engine) : ConvergeTestBase(engine)
{
    private string Repository => Engine.NameFor("prune");

    public override async ValueTask DisposeAsync()
    {
        await Engine.DockerAsync(["rm", "-f", Engine.NameFor("prune-user"), Engine.NameFor("prune-src")], CancellationToken.None);
        await Engine.RemoveImagesAsync($"{Repository}/*", CancellationToken.None);
        await base.DisposeAsync();
    }

    private async Task<string> CommitAsync(string? reference)
    {
        string[] target = reference is null ? [] : [reference];
        var commit = await Engine.DockerAsync(["commit", "--change", "LABEL kolla_version=prune-test", Engine.NameFor("prune-src"), .. target], Token);
        commit.Succeeded.Should().BeTrue(commit.StandardError);
        return commit.StandardOutput.Trim();
    }

    private async Task<bool> ExistsAsync(string image) => (await Engine.DockerAsync(["image", "inspect", image], Token)).Succeeded;

    [Fact]
    public async Task PruneImages_RemovesUnusedKollaImagesOnly_AfterConfirmation_AndChangesNothingTheSecondTime()
    {
        var deployment = NewDeployment();
        (await Engine.DockerAsync(["create", "--name", Engine.NameFor("prune-src"), Engine.TestImage, "true"], Token)).Succeeded.Should().BeTrue();
        var dangling = await CommitAsync(null);
        await CommitAsync($"{Repository}/old:1");
        (await Engine.DockerAsync(["tag", $"{Repository}/old:1", $"{Repository}/old:2"], Token)).Succeeded.Should().BeTrue();
        await CommitAsync($"{Repository}/in-use:1");
        (await Engine.DockerAsync(["create", "--name", Engine.NameFor("prune-user"), $"{Repository}/in-use:1", "true"], Token)).Succeeded.Should().BeTrue();

        var refused = await KollaCli.RunAsync(deployment.CliArguments("prune-images"), Token);

        refused.Code.Should().Be(1);
        refused.Error.Should().Contain("--yes-i-really-really-mean-it");
        (await ExistsAsync($"{Repository}/old:1")).Should().BeTrue("nothing is removed without the confirmation");

        var list = await KollaCli.RunAsync(deployment.CliArguments("prune-images", "--list"), Token);

        list.Code.Should().Be(0, list.Out + list.Error);
        list.Out.Should().Contain($"remove image {Repository}/old:1, {Repository}/old:2 (")
            .And.Contain($"remove image {dangling[7..19]} (untagged)")
            .And.NotContain($"{Repository}/in-use:1").And.NotContain(Engine.TestImage);
        (await ExistsAsync($"{Repository}/old:1")).Should().BeTrue("--list changes nothing");

        var danglingOnly = await KollaCli.RunAsync(deployment.CliArguments("prune-images", "--yes-i-really-really-mean-it", "--dangling-only"), Token);

        danglingOnly.Code.Should().Be(0, danglingOnly.Out + danglingOnly.Error);
        (await ExistsAsync(dangling)).Should().BeFalse();
        (await ExistsAsync($"{Repository}/old:1")).Should().BeTrue("--dangling-only keeps tagged images");

        var pruned = await KollaCli.RunAsync(deployment.CliArguments("prune-images", "--yes-i-really-really-mean-it", "--json"), Token);

        pruned.Code.Should().Be(0, pruned.Out + pruned.Error);
        (await ExistsAsync($"{Repository}/old:1")).Should().BeFalse();
        (await ExistsAsync($"{Repository}/old:2")).Should().BeFalse();
        (await ExistsAsync($"{Repository}/in-use:1")).Should().BeTrue("a container uses it");
        (await ExistsAsync(Engine.TestImage)).Should().BeTrue("an image without the kolla_version label is never touched");
        var again = await KollaCli.RunAsync(deployment.CliArguments("prune-images", "--list"), Token);
        again.Out.Should().Contain("Nothing to prune");
    }
}
