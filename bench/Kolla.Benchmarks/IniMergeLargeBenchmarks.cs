using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Kolla.Configuration;

namespace Kolla.Benchmarks;

/// <summary>
/// merge_configs on the ~14 MB six-layer stack of <c>scripts/bench-merge.sh</c> (thousands of sections, repeated
/// keys, continuation lines), made by <c>scripts/bench-merge/make_stack.py</c> with Debian's python3, or read from
/// KOLLA_BENCH_MERGE_STACK=DIR when set. Throughput = <see cref="InputBytes"/> / mean time.
/// </summary>
[MemoryDiagnoser]
public class IniMergeLargeBenchmarks
{
    private ConfigSource[] _sources = [];
    private string[] _files = [];

    /// <summary>Total bytes of all sources.</summary>
    public static long InputBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var dir = Environment.GetEnvironmentVariable("KOLLA_BENCH_MERGE_STACK") is { Length: > 0 } given ? given : MakeStack();
        var files = Directory.GetFiles(dir, "*.conf").Order(StringComparer.Ordinal).ToArray();
        _files = files;
        _sources = [.. files.Select(f => ConfigSource.ReadFileAsync(f).GetAwaiter().GetResult())];
        InputBytes = files.Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"// IniMergeLarge input: {files.Length} sources, {InputBytes} bytes");
    }

    /// <summary>Parse all six sources (given as strings, so encoded to UTF-8 first), merge, produce the file's bytes.</summary>
    [Benchmark]
    public byte[] MergeAndWriteLarge() => IniMerger.Merge(_sources).ToUtf8();

    /// <summary>What <c>kolla config merge</c> does: read the six files' bytes, parse them as read, merge, produce the file's bytes.</summary>
    [Benchmark]
    public byte[] MergeFilesAndWriteLarge() => IniMerger.MergeFilesAsync(_files).GetAwaiter().GetResult().ToUtf8();

    private static string MakeStack()
    {
        var repo = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(repo, "Kolla.sln")))
        {
            repo = Path.GetDirectoryName(repo) ?? throw new InvalidOperationException("set KOLLA_BENCH_MERGE_STACK: the repository was not found above " + AppContext.BaseDirectory);
        }

        var dir = Path.Combine(Path.GetTempPath(), "kolla-bench-merge-stack");
        using var process = Process.Start("/usr/bin/python3", [Path.Combine(repo, "scripts", "bench-merge", "make_stack.py"), dir]);
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"make_stack.py failed ({process.ExitCode})");
        }

        return dir;
    }
}
