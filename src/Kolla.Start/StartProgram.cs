namespace Kolla.Start;

/// <summary>
/// The container entry point. As <c>kolla_start</c> (no arguments): set-configs, read <c>/run_command</c>, then exec
/// the command, through <c>/bin/bash</c> when the image has <c>/usr/local/bin/kolla_extend_start</c> (unless
/// <c>KOLLA_SKIP_EXTEND_START</c> is set, even empty). As <c>kolla_set_configs</c>, or
/// <c>kolla_start --set-configs</c>: only the set-configs step (<c>--check</c> compares instead).
/// </summary>
internal static class StartProgram
{
    public const string SetConfigsName = "kolla_set_configs";
    public const string ExtendStartPath = "/usr/local/bin/kolla_extend_start";

    /// <summary>The wrapper run by bash: the same steps and word splitting as upstream's kolla_start tail.</summary>
    public const string ExtendScript = """
        set -o errexit -o nounset -o pipefail
        CMD=$KOLLA_START_COMMAND
        ARGS=""
        __kolla_start_extend=$KOLLA_START_EXTEND
        unset KOLLA_START_COMMAND KOLLA_START_EXTEND
        . "$__kolla_start_extend"
        unset __kolla_start_extend
        echo "Running command: '${CMD}${ARGS:+ $ARGS}'"
        exec ${CMD} ${ARGS}
        """;

    private const string Usage = """
        usage: kolla_start [--root DIR]                        set configs, then exec /run_command
               kolla_start --set-configs [--check] [--root DIR]
               kolla_set_configs [--check] [--root DIR]
        """;

    public static StartOutcome Run(string programName, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment, TextWriter stdout, TextWriter stderr)
    {
        var log = new StartLog(stderr);
        var setConfigsOnly = Path.GetFileName(programName) == SetConfigsName;
        var check = false;
        var root = StartRoot.System;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--check":
                    check = true;
                    break;
                case "--set-configs":
                    setConfigsOnly = true;
                    break;
                case "--root" when i + 1 < args.Count && !environment.ContainsKey("SUDO_UID"):
                    root = new StartRoot(Path.GetFullPath(args[++i]));
                    break;
                case "-h" or "--help":
                    stdout.WriteLine(Usage);
                    return new StartOutcome(0);
                default:
                    stderr.WriteLine(Usage);
                    stderr.WriteLine(args[i] == "--root"
                        ? "kolla_start: error: --root needs a directory and is refused under sudo"
                        : $"kolla_start: error: unrecognized argument: {args[i]}");
                    return new StartOutcome(2);
            }
        }

        if (check && !setConfigsOnly)
        {
            stderr.WriteLine(Usage);
            stderr.WriteLine("kolla_start: error: --check needs --set-configs");
            return new StartOutcome(2);
        }

        string? Env(string name) => environment.GetValueOrDefault(name);
        var status = SetConfigs.Run(root, check, Env, log);
        if (setConfigsOnly || status != 0)
        {
            return new StartOutcome(status);
        }

        string command;
        try
        {
            command = File.ReadAllText(root.Host(SetConfigs.RunCommandPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Error($"Could not read {SetConfigs.RunCommandPath}: {e.Message}");
            return new StartOutcome(1);
        }

        var extend = root.Host(ExtendStartPath);
        if (!environment.ContainsKey("KOLLA_SKIP_EXTEND_START") && File.Exists(extend))
        {
            var withCommand = new Dictionary<string, string>(environment, StringComparer.Ordinal)
            {
                ["KOLLA_START_COMMAND"] = command,
                ["KOLLA_START_EXTEND"] = extend,
            };
            return new StartOutcome(0, new ExecPlan("/bin/bash", ["/bin/bash", "-c", ExtendScript, "kolla_start"], withCommand));
        }

        var words = SplitWords(command);
        if (words.Count == 0)
        {
            // `exec` with nothing to run ends the shell successfully.
            return new StartOutcome(0);
        }

        stdout.WriteLine($"Running command: '{command}'");
        stdout.Flush();
        return new StartOutcome(0, new ExecPlan(words[0], words, environment));
    }

    /// <summary>Splits like an unquoted shell expansion with the default IFS (no globbing, quotes stay literal).</summary>
    public static IReadOnlyList<string> SplitWords(string command) =>
        command.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
}
