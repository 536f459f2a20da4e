namespace Kolla.Start;

/// <summary>What to replace the process with: the program (looked up in PATH), its argv and its environment.</summary>
internal sealed record ExecPlan(string File, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment);

/// <summary>The result of a run: an exit code, or a program to exec.</summary>
internal sealed record StartOutcome(int ExitCode, ExecPlan? Exec = null);
