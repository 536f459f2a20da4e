using System.Diagnostics;
using Kolla.Images;

namespace Kolla.Docker.Build;

/// <summary>
/// Makes the root image from scratch: <c>debootstrap --variant=minbase &lt;suite&gt; &lt;dir&gt; &lt;mirror&gt;</c>, then
/// streams <c>tar</c> of the directory into the engine's image import.
/// </summary>
public static class DebootstrapRootfs
{
    /// <summary>Creates the rootfs image unless it exists (and <see cref="DebootstrapOptions.Rebuild"/> is off).</summary>
    /// <returns>True when it was built, false when an existing image was kept.</returns>
    /// <exception cref="ImageBuildException">debootstrap or tar failed (with the end of the log), or the import failed.</exception>
    public static async Task<bool> EnsureAsync(DockerImageBuilder builder, DebootstrapOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Rebuild && await builder.ImageExistsAsync(options.Reference, cancellationToken).ConfigureAwait(false))
        {
            progress?.Report($"{options.Reference} exists; not running debootstrap (--rebuild-rootfs to redo it)");
            return false;
        }

        var mirror = options.Mirror ?? DebianMirror.Detect();
        var rootfs = Path.Combine(options.WorkDirectory, $"rootfs-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.GetDirectoryName(options.LogFile)!);
        try
        {
            progress?.Report($"debootstrap {options.Suite} from {mirror} (log: {options.LogFile})");
            var exit = await RunToLogAsync("debootstrap", ["--variant=minbase", options.Suite, rootfs, mirror], options.LogFile, cancellationToken).ConfigureAwait(false);
            if (exit != 0)
            {
                throw new ImageBuildException(options.LogFile, 0, $"debootstrap exited with {exit}: {Tail(options.LogFile)}");
            }

            progress?.Report($"importing the rootfs as {options.Reference}");
            using var tar = Start("tar", ["--numeric-owner", "-C", rootfs, "-cf", "-", "."], redirectOutput: true);
            var stderr = tar.StandardError.ReadToEndAsync(cancellationToken);
            await builder.ImportAsync(tar.StandardOutput.BaseStream, options.Reference, cancellationToken).ConfigureAwait(false);
            await tar.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (tar.ExitCode != 0)
            {
                throw new ImageBuildException(rootfs, 0, $"tar exited with {tar.ExitCode}: {(await stderr.ConfigureAwait(false)).Trim()}");
            }

            return true;
        }
        finally
        {
            if (Directory.Exists(rootfs))
            {
                Directory.Delete(rootfs, recursive: true);
            }
        }
    }

    private static async Task<int> RunToLogAsync(string program, IReadOnlyList<string> arguments, string logFile, CancellationToken cancellationToken)
    {
        Process process;
        try
        {
            process = Start(program, arguments, redirectOutput: true);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ImageBuildException(null, 0, $"cannot run {program} ({e.Message}); install it (apt-get install {program})");
        }

        using (process)
        await using (var log = new StreamWriter(logFile, append: false) { AutoFlush = true })
        {
            var gate = new Lock();
            void Write(string? line)
            {
                if (line is not null)
                {
                    lock (gate)
                    {
                        log.WriteLine(line);
                    }
                }
            }

            var output = Pump(process.StandardOutput, Write, cancellationToken);
            var errors = Pump(process.StandardError, Write, cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            await Task.WhenAll(output, errors).ConfigureAwait(false);
            return process.ExitCode;
        }
    }

    private static async Task Pump(StreamReader reader, Action<string?> write, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            write(line);
        }
    }

    private static Process Start(string program, IReadOnlyList<string> arguments, bool redirectOutput)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = redirectOutput,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new ImageBuildException(null, 0, $"cannot start {program}");
    }

    private static string Tail(string logFile)
    {
        var lines = File.Exists(logFile) ? File.ReadAllLines(logFile) : [];
        return string.Join(" | ", lines.Skip(Math.Max(0, lines.Length - 5)));
    }
}
