using System.Text.Json;
using Kolla.TestKit;
using Kolla.Tests.Rig;

namespace Kolla.Tests;

/// <summary><c>kolla build</c> end to end on the private engine: a two-level busybox tree, JSON summary, failures and exit code.</summary>
[Collection(KollaImagesCollection.Name)]
public sealed class CliBuildTests(DockerEngineFixture engine) : IAsyncLifetime
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kolla-cli-build-it-");
    private readonly CancellationTokenSource _budget = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

    private string Namespace => engine.NameFor("clibuild");

    public async ValueTask InitializeAsync()
    {
        _budget.CancelAfter(TimeSpan.FromMinutes(5));
        await engine.EnsureTestImageAsync(_budget.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await engine.RemoveImagesAsync($"{Namespace}/*", CancellationToken.None);

        _dir.Delete(recursive: true);
        _budget.Dispose();
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_dir.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public async Task Build_PrintsTheJsonSummaryAndFailsWhenAnImageFails()
    {
        Write("tree/root/Dockerfile.j2", "FROM {{ base_image }}\nRUN echo {{ image_name }} > /name\n");
        Write("tree/app/Dockerfile.j2", "FROM {{ namespace }}/{{ image_prefix }}root:{{ tag }}\nRUN cat /name\n");
        Write("tree/broken/Dockerfile.j2", "FROM {{ namespace }}/{{ image_prefix }}root:{{ tag }}\nRUN false\n");
        string[] common =
        [
            "build", "--docker-dir", Path.Combine(_dir.FullName, "tree"), "--docker-host", engine.DockerHost, "--namespace", Namespace,
            "--base-image", TestImages.Busybox, "--work-dir", Path.Combine(_dir.FullName, "work"), "--format", "json",
        ];

        var ok = await KollaCli.RunAsync([.. common, "app"], _budget.Token);

        ok.Code.Should().Be(0, ok.Error);
        ok.Out.Trim().Should().Be("{\"built\":[{\"name\":\"root\"},{\"name\":\"app\"}],\"failed\":[],\"not_matched\":[{\"name\":\"broken\"}],\"skipped\":[]}");
        (await engine.DockerAsync(["image", "inspect", $"{Namespace}/app:master-debian-bookworm"], _budget.Token)).Succeeded.Should().BeTrue();

        var failed = await KollaCli.RunAsync([.. common, "--skip-existing"], _budget.Token);

        failed.Code.Should().Be(1);
        using var summary = JsonDocument.Parse(failed.Out);
        summary.RootElement.GetProperty("skipped").EnumerateArray().Select(e => e.GetProperty("name").GetString()).Should().BeEquivalentTo("root", "app");
        summary.RootElement.GetProperty("failed")[0].GetProperty("status").GetString().Should().Be("error");
        failed.Error.Should().Contain("broken: build failed (").And.Contain(Path.Combine(_dir.FullName, "work", "logs", "broken.log"));
    }
}
