using System.Collections;

namespace Kolla.Start;

internal static class Program
{
    public static int Main(string[] args)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = entry.Value as string ?? string.Empty;
        }

        var programName = Environment.GetCommandLineArgs() is [var first, ..] ? first : "kolla_start";
        var outcome = StartProgram.Run(programName, args, environment, Console.Out, Console.Error);
        if (outcome.Exec is not { } exec)
        {
            return outcome.ExitCode;
        }

        Console.Out.Flush();
        var error = Posix.Exec(exec.File, exec.Arguments, exec.Environment);
        Console.Error.WriteLine($"kolla_start: cannot exec {exec.File}: {error}");
        return 127;
    }
}
