using Kolla.TestKit;

namespace Kolla.Start.Tests;

/// <summary>
/// The NativeAOT kolla_start, published once into <c>artifacts/kolla-start/linux-x64</c> and reused while no
/// source of src/Kolla.Start is newer than it.
/// </summary>
public sealed class PublishedBinary : IAsyncLifetime
{
    public static string OutputDirectory => RepositoryPaths.InRepo("artifacts", "kolla-start", "linux-x64");

    public string Path => System.IO.Path.Combine(OutputDirectory, "kolla_start");

    public TimeSpan? PublishTime { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var project = RepositoryPaths.InRepo("src", "Kolla.Start");
        var newestSource = Directory.EnumerateFiles(project, "*", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{System.IO.Path.DirectorySeparatorChar}bin{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{System.IO.Path.DirectorySeparatorChar}obj{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.GetLastWriteTimeUtc)
            .Max();
        if (File.Exists(Path) && File.GetLastWriteTimeUtc(Path) > newestSource)
        {
            return;
        }

        var started = DateTime.UtcNow;
        var result = await ExternalCommand.RunAsync(
            "dotnet",
            ["publish", project, "-c", "Release", "-r", "linux-x64", "-o", OutputDirectory, "-nologo"],
            cancellationToken: TestContext.Current.CancellationToken);
        result.ExitCode.Should().Be(0, $"dotnet publish failed:\n{result.StandardOutput}\n{result.StandardError}");
        PublishTime = DateTime.UtcNow - started;
        File.SetLastWriteTimeUtc(Path, DateTime.UtcNow);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
