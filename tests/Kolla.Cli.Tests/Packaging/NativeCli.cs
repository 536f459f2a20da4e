using Kolla.TestKit;

namespace Kolla.Tests.Packaging;

/// <summary>
/// The NativeAOT kolla as <c>scripts/publish.sh</c> makes it (the script is what users run, so it is what is tested),
/// in its default place <c>artifacts/kolla-native/linux-x64</c>. <c>scripts/test.sh</c> publishes it before the tests;
/// this reuses it while no source of the CLI or the libraries it embeds is newer, and publishes it otherwise.
/// </summary>
public sealed class NativeCli : IAsyncLifetime
{
    private static readonly string[] Projects = ["Kolla.Cli", "Kolla.Core", "Kolla.Docker", "Kolla.Ssh"];

    public string Path { get; } = RepositoryPaths.InRepo("artifacts", "kolla-native", "linux-x64", "kolla");

    public async ValueTask InitializeAsync()
    {
        if (File.Exists(Path) && File.GetLastWriteTimeUtc(Path) > NewestSource())
        {
            return;
        }

        var result = await ExternalCommand.RunAsync(
            "bash",
            [RepositoryPaths.InRepo("scripts", "publish.sh")],
            cancellationToken: TestContext.Current.CancellationToken);
        result.ExitCode.Should().Be(0, $"scripts/publish.sh failed:\n{result.StandardOutput}\n{result.StandardError}");
    }

    public async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        var result = await ExternalCommand.RunAsync(Path, args, cancellationToken: TestContext.Current.CancellationToken);
        return (result.ExitCode, result.StandardOutput, result.StandardError);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static DateTime NewestSource()
    {
        var separator = System.IO.Path.DirectorySeparatorChar;
        return Projects
            .SelectMany(project => Directory.EnumerateFiles(RepositoryPaths.InRepo("src", project), "*", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{separator}bin{separator}", StringComparison.Ordinal)
                && !file.Contains($"{separator}obj{separator}", StringComparison.Ordinal))
            .Append(RepositoryPaths.InRepo("Directory.Packages.props"))
            .Append(RepositoryPaths.InRepo("Directory.Build.props"))
            .Select(File.GetLastWriteTimeUtc)
            .Max();
    }
}
