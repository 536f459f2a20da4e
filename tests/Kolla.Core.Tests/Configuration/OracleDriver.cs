using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kolla.TestKit;

namespace Kolla.Tests.Configuration;

/// <summary>
/// Runs tests/…/Differential/kolla_merge_oracle.py with Debian's /usr/bin/python3 (which has python3-oslo.config and
/// python3-yaml). Missing tools skip the test locally and fail it when CI=true.
/// </summary>
internal static class OracleDriver
{
    public const string Python = "/usr/bin/python3";

    public static string Script => RepositoryPaths.InRepo("tests", "Kolla.Core.Tests", "Configuration", "Differential", "kolla_merge_oracle.py");

    /// <summary>Skips (locally) or fails (CI=true) unless the Python modules import.</summary>
    public static async Task RequireAsync(string module, string package)
    {
        var ok = File.Exists(Python) && (await RunAsync(["-c", $"import {module}"], string.Empty)).ExitCode == 0;
        if (ok)
        {
            return;
        }

        var message = $"{Python} cannot import {module}: install it with 'apt-get install -y python3 {package}'";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
    }

    /// <summary>Sends the cases as one JSON batch and returns one result object per case.</summary>
    public static async Task<JsonArray> BatchAsync(JsonArray cases)
    {
        var (exit, stdout, stderr) = await RunAsync([Script, "--batch"], cases.ToJsonString());
        exit.Should().Be(0, stderr);
        return JsonNode.Parse(stdout)!.AsArray();
    }

    private static async Task<(int ExitCode, string Out, string Error)> RunAsync(IEnumerable<string> args, string input)
    {
        var info = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }

    public static JsonObject SourceJson(Kolla.Configuration.ConfigSource source) =>
        new() { ["name"] = source.Name, ["text"] = source.Text is null ? null : JsonValue.Create(source.Text) };

    public static JsonSerializerOptions Json { get; } = new() { WriteIndented = false };
}
