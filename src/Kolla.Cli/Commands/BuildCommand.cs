using System.CommandLine;
using System.Reflection;
using Kolla.Docker.Build;
using Kolla.Images;

namespace Kolla.Cli.Commands;

/// <summary><c>kolla build</c>: kolla-build — render the image tree and build the selected images on a Docker engine.</summary>
internal static class BuildCommand
{
    public static Command Create(CliConsole console)
    {
        var o = new BuildOptions();
        var command = new Command(
            "build",
            "Render the image templates (the embedded Debian tree, or --docker-dir) and build the images whose names match a REGEX "
            + "(unanchored, any of them; a match also selects its parents) or --profile; none selects every image. Images are tagged "
            + "[REGISTRY/]NAMESPACE/PREFIXNAME:TAG and built parents first on the engine DOCKER_HOST names.");
        o.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(console, parse, o, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, ParseResult parse, BuildOptions o, CancellationToken cancellationToken)
    {
        try
        {
            var json = parse.GetValue(o.Format) == "json";
            var info = json ? console.Error : console.Out;
            var workDir = Path.GetFullPath(CliPaths.ExpandHome(parse.GetValue(o.WorkDir)!));
            var debootstrap = parse.GetValue(o.Debootstrap);
            if (debootstrap && parse.GetValue(o.BaseImage) is not null)
            {
                throw new CliUsageException("--debootstrap and --base-image both name the base image; give one");
            }

            var settings = await SettingsAsync(parse, o, cancellationToken).ConfigureAwait(false);
            var rootfs = $"{settings.Namespace}/{settings.ImagePrefix}{settings.BaseDistro}-rootfs:{settings.BaseTag}";
            if (debootstrap)
            {
                settings = settings with { BaseImage = rootfs };
            }

            var tree = parse.GetValue(o.DockerDir) is { } dir
                ? await ImageTreeLoader.LoadDirectoryAsync(CliPaths.ExpandHome(dir), cancellationToken).ConfigureAwait(false)
                : ImageTreeLoader.LoadEmbedded();
            var overrides = new List<TemplateOverride>();
            foreach (var file in parse.GetValue(o.TemplateOverride) ?? [])
            {
                overrides.Add(new TemplateOverride(file, await ReadAsync(file, cancellationToken).ConfigureAwait(false)));
            }

            var selection = new ImageSelection(parse.GetValue(o.Regexes) ?? [], parse.GetValue(o.Profile));
            var plan = BuildPlanner.Plan(tree, settings, selection, overrides);
            if (parse.GetValue(o.ListImages))
            {
                foreach (var step in plan.Steps)
                {
                    await console.Out.WriteLineAsync(step.Name).ConfigureAwait(false);
                }

                return ExitCodes.Ok;
            }

            if (parse.GetValue(o.ListDependencies))
            {
                await WriteTreeAsync(console.Out, plan, null, 0).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            var kollaStart = KollaStartPath(parse, o);
            if (parse.GetValue(o.TemplateOnly))
            {
                foreach (var step in plan.Steps)
                {
                    var image = step.Image;
                    if (step.Parent is null && kollaStart is not null && File.Exists(kollaStart) && !image.HasFile(BuildContext.KollaStart))
                    {
                        var bytes = await File.ReadAllBytesAsync(kollaStart, cancellationToken).ConfigureAwait(false);
                        image = image with { Files = [.. image.Files, new ImageFile(BuildContext.KollaStart, bytes, 493)] };
                    }

                    await ImageContextWriter.WriteAsync(image, workDir, cancellationToken).ConfigureAwait(false);
                }

                await info.WriteLineAsync($"rendered {plan.Steps.Count} image(s) into {workDir}").ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            using var builder = new DockerImageBuilder(parse.GetValue(o.DockerHost) is { } host ? ParseEndpoint(host) : null);
            var progress = new SyncProgress(info);
            if (debootstrap)
            {
                await DebootstrapRootfs.EnsureAsync(builder, new DebootstrapOptions
                {
                    Suite = settings.BaseTag,
                    Mirror = parse.GetValue(o.Mirror),
                    Reference = rootfs,
                    Rebuild = parse.GetValue(o.RebuildRootfs),
                    WorkDirectory = workDir,
                    LogFile = Path.Combine(LogsDir(parse, o, workDir), "debootstrap.log"),
                }, progress, cancellationToken).ConfigureAwait(false);
            }

            var summary = await builder.BuildAsync(plan, settings, new ImageBuilderOptions
            {
                Threads = parse.GetValue(o.Threads),
                Retries = parse.GetValue(o.Retries),
                NoCache = parse.GetValue(o.NoCache),
                Pull = parse.GetValue(o.Pull),
                SkipExisting = parse.GetValue(o.SkipExisting),
                LogsDirectory = LogsDir(parse, o, workDir),
                KollaStartPath = kollaStart,
            }, progress, cancellationToken).ConfigureAwait(false);
            foreach (var failed in summary.Results.Where(r => r.Status == ImageBuildStatus.Error))
            {
                await console.Error.WriteLineAsync($"{failed.Name}: build failed ({failed.LogFile}): {failed.Error}").ConfigureAwait(false);
            }

            if (json)
            {
                await console.Out.WriteLineAsync(summary.ToJson()).ConfigureAwait(false);
            }
            else
            {
                await WriteSummaryAsync(console.Out, summary).ConfigureAwait(false);
            }

            return summary.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
        }
        catch (KollaException ex)
        {
            await console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (CliUsageException ex)
        {
            await console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (global::Docker.DotNet.DockerApiException ex)
        {
            await console.Error.WriteLineAsync($"Docker engine: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (HttpRequestException ex)
        {
            await console.Error.WriteLineAsync($"cannot reach the Docker engine: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }

    private static async Task<ImageBuildSettings> SettingsAsync(ParseResult parse, BuildOptions o, CancellationToken cancellationToken)
    {
        var version = typeof(BuildCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
        var extra = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (parse.GetValue(o.BuildConfig) is { } config)
        {
            extra = BuildConfigReader.Read(await ReadAsync(config, cancellationToken).ConfigureAwait(false), config);
        }

        return new ImageBuildSettings
        {
            Namespace = parse.GetValue(o.Namespace)!,
            ImagePrefix = parse.GetValue(o.Prefix) ?? string.Empty,
            Registry = parse.GetValue(o.Registry),
            Tag = parse.GetValue(o.Tag),
            OpenStackRelease = parse.GetValue(o.Release)!,
            BaseTag = parse.GetValue(o.Suite)!,
            BaseImage = parse.GetValue(o.BaseImage),
            KollaVersion = version,
            ExtraValues = extra,
        };
    }

    private static async Task<string> ReadAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(CliPaths.ExpandHome(file), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ImageBuildException(file, 0, $"cannot read: {ex.Message}");
        }
    }

    private static Uri ParseEndpoint(string host) =>
        Uri.TryCreate(host, UriKind.Absolute, out var uri) ? uri : throw new CliUsageException($"--docker-host: '{host}' is not an endpoint URI (unix:///path or tcp://host:port)");

    private static string? KollaStartPath(ParseResult parse, BuildOptions o)
    {
        if (parse.GetValue(o.KollaStart) is { } given)
        {
            return Path.GetFullPath(CliPaths.ExpandHome(given));
        }

        var beside = Path.Combine(AppContext.BaseDirectory, BuildContext.KollaStart);
        return File.Exists(beside) ? beside : null;
    }

    private static string LogsDir(ParseResult parse, BuildOptions o, string workDir) =>
        parse.GetValue(o.LogsDir) is { } logs ? Path.GetFullPath(CliPaths.ExpandHome(logs)) : Path.Combine(workDir, "logs");

    private static async Task WriteTreeAsync(TextWriter output, BuildPlan plan, string? parent, int depth)
    {
        foreach (var step in plan.Steps.Where(s => s.Parent == parent))
        {
            await output.WriteLineAsync(new string(' ', depth * 2) + step.Name).ConfigureAwait(false);
            await WriteTreeAsync(output, plan, step.Name, depth + 1).ConfigureAwait(false);
        }
    }

    private static async Task WriteSummaryAsync(TextWriter output, ImageBuildSummary summary)
    {
        foreach (var group in summary.Results.GroupBy(r => r.StatusName))
        {
            await output.WriteLineAsync($"{group.Key}: {string.Join(", ", group.Select(r => r.Name))}").ConfigureAwait(false);
        }

        if (summary.NotMatched.Count > 0)
        {
            await output.WriteLineAsync($"not matched: {summary.NotMatched.Count} image(s)").ConfigureAwait(false);
        }
    }

    /// <summary>Writes progress lines as they come (builds report from several threads).</summary>
    private sealed class SyncProgress(TextWriter writer) : IProgress<string>
    {
        private readonly Lock _gate = new();

        public void Report(string value)
        {
            lock (_gate)
            {
                writer.WriteLine(value);
            }
        }
    }
}
