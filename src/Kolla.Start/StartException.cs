namespace Kolla.Start;

/// <summary>
/// A failure with upstream kolla_set_configs' name and exit code: expected failures (exit 1, logged as
/// <c>Name: message</c>) and crashes (exit 2, logged as <c>Unexpected error: Name: message</c>).
/// </summary>
internal sealed class StartException : Exception
{
    private StartException(string name, string message, int exitCode, bool expected)
        : base(message)
    {
        Name = name;
        ExitCode = exitCode;
        IsExpected = expected;
    }

    /// <summary>Gets the upstream exception name, e.g. <c>InvalidConfig</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the process exit code.</summary>
    public int ExitCode { get; }

    /// <summary>Gets whether upstream treats this as an expected failure (logged without "Unexpected error").</summary>
    public bool IsExpected { get; }

    public static StartException InvalidConfig(string message) => new(nameof(InvalidConfig), message, 1, true);

    public static StartException MissingRequiredSource(string message) => new(nameof(MissingRequiredSource), message, 1, true);

    public static StartException ConfigFileBadState(string message) => new(nameof(ConfigFileBadState), message, 1, true);

    public static StartException ConfigFileCommandDiffers(string message) => new(nameof(ConfigFileCommandDiffers), message, 1, true);

    public static StartException ImmutableConfig(string message) => new(nameof(ImmutableConfig), message, 0, true);

    /// <summary>An unexpected failure (exit 2) named like the Python exception upstream would raise.</summary>
    public static StartException Crash(string name, string message) => new(name, message, 2, false);
}
