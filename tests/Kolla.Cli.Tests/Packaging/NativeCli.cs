using Kolla.TestKit;

namespace Kolla.Tests.Packaging;

/// <summary>
/// The NativeAOT kolla, published once per test run by <c>scripts/publish.sh</c> into a temporary folder (the script is
/// what users run, so it is what is tested).
/// </summary>
public sealed class NativeCli : IAsyncLifetime
{
    private readonly string _output = Directory.CreateTempSubdirectory("kolla-native-").FullName;

    public string Path => System.IO.Path.Combine(_output, "kolla");

    public async ValueTask InitializeAsync()
    {
        var result = await ExternalCommand.RunAsync(
            "bash",
            [RepositoryPaths.InRepo("scripts", "publish.sh"), _output],
            cancellationToken: TestContext.Current.CancellationToken);
        result.ExitCode.Should().Be(0, $"scripts/publish.sh failed:\n{result.StandardOutput}\n{result.StandardError}");
    }

    public async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        var result = await ExternalCommand.RunAsync(Path, args, cancellationToken: TestContext.Current.CancellationToken);
        return (result.ExitCode, result.StandardOutput, result.StandardError);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_output, recursive: true);
        return ValueTask.CompletedTask;
    }
}
