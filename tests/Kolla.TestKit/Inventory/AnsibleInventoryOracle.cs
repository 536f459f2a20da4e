using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Kolla.TestKit.Inventory;

/// <summary>
/// Runs the real ansible-inventory (Debian's ansible-core 2.14) for differential tests: either the
/// <c>/usr/bin/ansible-inventory</c> program itself, or its <c>InventoryCLI</c> class for many cases in
/// one Python process (the same code the program runs, without ~0.5 s of start-up per case).
/// </summary>
/// <remarks>
/// Only the <c>yaml</c> and <c>ini</c> inventory plugins are enabled (ansible's default order), warnings
/// go to stderr, cowsay is off, the invalid-group-name warning is silenced (names are kept as written
/// either way), and a source that fails to parse fails the run instead of being skipped.
/// </remarks>
public sealed class AnsibleInventoryOracle
{
    /// <summary>What to tell someone whose machine lacks the tool.</summary>
    public const string InstallHint = "ansible-inventory (ansible-core 2.14) is required for the differential inventory tests: apt-get install ansible-core";

    private const string BatchDriver = """
        import sys, io, os, json, contextlib, traceback
        from ansible.cli.inventory import InventoryCLI
        from ansible.utils.context_objects import GlobalCLIArgs
        from ansible.utils.display import Display
        from ansible.plugins.vars import host_group_vars
        cases = json.load(sys.stdin)
        results = []
        display = Display()
        for args in cases:
            GlobalCLIArgs._Singleton__instance = None
            host_group_vars.FOUND.clear()
            display._warns = {}
            out, err = io.StringIO(), io.StringIO()
            code, error = 0, None
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    InventoryCLI(['ansible-inventory'] + args).run()
                except SystemExit as e:
                    code = e.code if isinstance(e.code, int) else 1
                except Exception as e:
                    code, error = 1, '%s: %s' % (type(e).__name__, e)
            results.append({'code': code, 'stdout': out.getvalue(), 'stderr': err.getvalue(), 'error': error})
        json.dump(results, sys.stdout)
        """;

    private readonly string _program;
    private readonly string _python;
    private readonly string _workDir;

    private AnsibleInventoryOracle(string program, string python)
    {
        _program = program;
        _python = python;
        _workDir = Directory.CreateTempSubdirectory("kolla-ansible-oracle-").FullName;
        File.WriteAllText(Path.Combine(_workDir, "ansible.cfg"), "[defaults]\n");
        var workDir = _workDir;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(workDir, recursive: true);
            }
            catch (IOException)
            {
                // best effort
            }
        };
    }

    /// <summary>Finds ansible-inventory and the Python it runs with, or returns null when it is not installed.</summary>
    /// <returns>The oracle, or null.</returns>
    public static AnsibleInventoryOracle? TryCreate()
    {
        var program = FindOnPath("ansible-inventory");
        if (program is null)
        {
            return null;
        }

        var firstLine = File.ReadLines(program).FirstOrDefault() ?? string.Empty;
        var python = firstLine.StartsWith("#!", StringComparison.Ordinal)
            ? firstLine[2..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries) switch
            {
                [var env, var name] when env.EndsWith("/env", StringComparison.Ordinal) => FindOnPath(name),
                [var interpreter, ..] => interpreter,
                _ => null,
            }
            : null;
        return python is null ? null : new AnsibleInventoryOracle(program, python);
    }

    /// <summary>Runs ansible-inventory's CLI once per argument list, all in one Python process.</summary>
    /// <param name="cases">Argument lists (without the program name), e.g. <c>["-i", path, "--list"]</c>.</param>
    /// <param name="cancellationToken">Stops the process.</param>
    /// <returns>One result per case, in order.</returns>
    /// <remarks>Large batches are split over two Python processes running side by side.</remarks>
    public async Task<IReadOnlyList<AnsibleRun>> RunManyAsync(IReadOnlyList<IReadOnlyList<string>> cases, CancellationToken cancellationToken = default)
    {
        var driver = Path.Combine(_workDir, "batch.py");
        await File.WriteAllTextAsync(driver, BatchDriver, cancellationToken).ConfigureAwait(false);
        var processes = cases.Count >= 20 ? Math.Clamp(Environment.ProcessorCount, 1, 2) : 1;
        var size = (cases.Count + processes - 1) / processes;
        var chunks = cases.Chunk(Math.Max(size, 1)).Select(chunk => RunChunkAsync(driver, chunk, cancellationToken)).ToList();
        var results = await Task.WhenAll(chunks).ConfigureAwait(false);
        return results.SelectMany(r => r).ToList();
    }

    private async Task<List<AnsibleRun>> RunChunkAsync(string driver, IReadOnlyList<string>[] cases, CancellationToken cancellationToken)
    {
        var (code, stdout, stderr) = await RunProcessAsync(_python, [driver], JsonSerializer.Serialize(cases), cancellationToken).ConfigureAwait(false);
        if (code != 0)
        {
            throw new InvalidOperationException($"the ansible-inventory batch driver failed ({code}): {stderr}");
        }

        using var document = JsonDocument.Parse(stdout);
        return document.RootElement.EnumerateArray()
            .Select(e => new AnsibleRun(
                e.GetProperty("code").GetInt32(),
                e.GetProperty("stdout").GetString()!,
                e.GetProperty("stderr").GetString()!,
                e.GetProperty("error").ValueKind == JsonValueKind.Null ? null : e.GetProperty("error").GetString()))
            .ToList();
    }

    /// <summary>Runs the <c>ansible-inventory</c> program itself.</summary>
    /// <param name="args">Its arguments.</param>
    /// <param name="cancellationToken">Stops the process.</param>
    /// <returns>The outcome.</returns>
    public async Task<AnsibleRun> RunProgramAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        var (code, stdout, stderr) = await RunProcessAsync(_program, args, null, cancellationToken).ConfigureAwait(false);
        return new AnsibleRun(code, stdout, stderr, code == 0 ? null : stderr);
    }

    private async Task<(int Code, string Stdout, string Stderr)> RunProcessAsync(string file, IReadOnlyList<string> args, string? input, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _workDir,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ANSIBLE_INVENTORY_ENABLED"] = "yaml,ini";
        start.Environment["ANSIBLE_INVENTORY_ANY_UNPARSED_IS_FAILED"] = "True";
        start.Environment["ANSIBLE_NOCOWS"] = "1";
        start.Environment["ANSIBLE_NOCOLOR"] = "1";
        start.Environment["ANSIBLE_DEPRECATION_WARNINGS"] = "False";
        start.Environment["ANSIBLE_LOCALHOST_WARNING"] = "False";

        // Group names are never rewritten either way; "ignore" only drops ansible's slow per-name warning.
        start.Environment["ANSIBLE_TRANSFORM_INVALID_GROUP_CHARS"] = "ignore";
        start.Environment["ANSIBLE_CONFIG"] = Path.Combine(_workDir, "ansible.cfg");
        start.Environment["ANSIBLE_LOCAL_TEMP"] = Path.Combine(_workDir, "tmp");
        start.Environment["ANSIBLE_HOME"] = Path.Combine(_workDir, "home");
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        start.Environment["LC_ALL"] = "C.UTF-8";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input.AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        process.StandardInput.Close();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    private static string? FindOnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(Path.PathSeparator).Append("/usr/bin"))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
