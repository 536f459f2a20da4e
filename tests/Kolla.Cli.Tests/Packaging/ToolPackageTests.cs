using System.IO.Compression;
using System.Text.RegularExpressions;
using Kolla.TestKit;
using Kolla.Tests.Lifecycle;

namespace Kolla.Tests.Packaging;

/// <summary>
/// <c>scripts/pack.sh</c> produces the three library packages (with README, XML docs, licence and symbols) and the
/// <c>kolla</c> .NET tool as RID-specific packages; installed from that folder on linux-x64 it is the native binary, which
/// runs without any .NET. Slow (Release builds and a NativeAOT compile): Integration.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class ToolPackageTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("kolla-pack-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [GeneratedRegex(@"<VersionPrefix>([^<]+)</VersionPrefix>")]
    private static partial Regex VersionPrefix();

    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static Dictionary<string, string?> Env(params (string Key, string? Value)[] more)
    {
        var environment = new Dictionary<string, string?>
        {
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        };
        foreach (var (key, value) in more)
        {
            environment[key] = value;
        }

        return environment;
    }

    [Fact]
    public async Task Pack_ThenInstallTheTool_ThenRunIt()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(20));
        var token = timeout.Token;
        var version = VersionPrefix().Match(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"), token)).Groups[1].Value;
        var packages = Path.Combine(_work, "packages");
        var artifacts = Path.Combine(_work, "artifacts");

        // The script users run makes every package: the libraries and the three tool packages.
        (await ExternalCommand.RunAsync(
            "bash",
            [RepositoryPaths.InRepo("scripts", "pack.sh"), packages],
            Env(("PACK_ARTIFACTS", artifacts)),
            token)).EnsureSuccess();

        foreach (var library in new[] { "Kolla.Core", "Kolla.Docker", "Kolla.Ssh" })
        {
            File.Exists(Path.Combine(packages, $"{library}.{version}.snupkg")).Should().BeTrue($"{library} ships symbols");
            using var package = ZipFile.OpenRead(Path.Combine(packages, $"{library}.{version}.nupkg"));
            package.Entries.Select(e => e.FullName).Should().Contain(["README.md", $"lib/net10.0/{library}.dll", $"lib/net10.0/{library}.xml"]);
            using var nuspec = new StreamReader(package.GetEntry($"{library}.nuspec")!.Open());
            var metadata = await nuspec.ReadToEndAsync(token);
            metadata.Should().Contain("<license type=\"expression\">Apache-2.0</license>").And.Contain("<readme>README.md</readme>").And.Contain($"<version>{version}</version>");
        }

        using (var pointer = ZipFile.OpenRead(Path.Combine(packages, $"Kolla.Cli.{version}.nupkg")))
        {
            using var settings = new StreamReader(pointer.GetEntry("tools/any/any/DotnetToolSettings.xml")!.Open());
            (await settings.ReadToEndAsync(token)).Should().Contain("RuntimeIdentifier=\"linux-x64\" Id=\"Kolla.Cli.linux-x64\"")
                .And.Contain("RuntimeIdentifier=\"any\" Id=\"Kolla.Cli.any\"");
        }

        using (var native = ZipFile.OpenRead(Path.Combine(packages, $"Kolla.Cli.linux-x64.{version}.nupkg")))
        {
            native.Entries.Select(e => e.FullName).Should().Contain("tools/any/linux-x64/kolla")
                .And.NotContain(e => e.EndsWith(".dll", StringComparison.Ordinal) || e.EndsWith(".dbg", StringComparison.Ordinal), "the native package carries the binary only");
        }

        using (var fallback = ZipFile.OpenRead(Path.Combine(packages, $"Kolla.Cli.any.{version}.nupkg")))
        {
            fallback.Entries.Select(e => e.FullName).Should().Contain(["tools/net10.0/any/kolla.dll", "tools/net10.0/any/DotnetToolSettings.xml"]);
        }

        // Only the pack output as a source, and a private package cache, so an older copy of the tool can never be picked up.
        var config = Path.Combine(_work, "nuget.config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="pack" value="{packages}" />
              </packageSources>
            </configuration>
            """, token);
        var tools = Path.Combine(_work, "tools");
        (await ExternalCommand.RunAsync(
            Dotnet,
            ["tool", "install", "--tool-path", tools, "--add-source", packages, "--configfile", config, "--version", version, "Kolla.Cli"],
            Env(("NUGET_PACKAGES", Path.Combine(_work, "nuget-cache"))),
            token)).EnsureSuccess();

        // On linux-x64 the installed command is the native binary: it runs with no .NET anywhere in its environment.
        var kolla = Path.Combine(tools, "kolla");
        new FileInfo(kolla).ResolveLinkTarget(returnFinalTarget: true)!.FullName.Should().Contain("kolla.cli.linux-x64").And.EndWith("/tools/any/linux-x64/kolla");
        var dotnetRoot = "/nonexistent";
        var help = (await ExternalCommand.RunAsync(kolla, ["--help"], Env(("DOTNET_ROOT", dotnetRoot), ("PATH", "/usr/bin:/bin")), token)).EnsureSuccess();
        help.StandardOutput.Should().Contain("deploy").And.Contain("prechecks").And.Contain("post-deploy");

        var sample = new SampleConfig();
        await sample.InitializeAsync();
        try
        {
            var output = Path.Combine(_work, "genconfig");
            var genconfig = (await ExternalCommand.RunAsync(
                kolla,
                ["genconfig", "-i", sample.Inventory, "--configdir", sample.Directory, "--output", output],
                Env(("DOTNET_ROOT", dotnetRoot)),
                token)).EnsureSuccess();
            genconfig.StandardOutput.Should().StartWith("genconfig: wrote ");
            File.Exists(Path.Combine(output, "localhost", "keystone", "config.json")).Should().BeTrue();
        }
        finally
        {
            await sample.DisposeAsync();
        }
    }
}
