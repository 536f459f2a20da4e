namespace Kolla.Docker.Build;

/// <summary>How <see cref="DockerImageBuilder"/> builds a plan.</summary>
public sealed record ImageBuilderOptions
{
    /// <summary>Images built at the same time (a child always waits for its parent).</summary>
    public int Threads { get; init; } = 4;

    /// <summary>Further attempts after a failed build of an image.</summary>
    public int Retries { get; init; }

    /// <summary>Build without the layer cache.</summary>
    public bool NoCache { get; init; }

    /// <summary>Pull a newer version of the base image of root images.</summary>
    public bool Pull { get; init; }

    /// <summary>Skip images whose tag already exists on the engine.</summary>
    public bool SkipExisting { get; init; }

    /// <summary>Folder for the per-image build logs (<c>&lt;image&gt;.log</c>).</summary>
    public required string LogsDirectory { get; init; }

    /// <summary>The <c>kolla_start</c> file copied into the build context of root images; null when none.</summary>
    public string? KollaStartPath { get; init; }

    /// <summary>Log lines quoted in an image's error.</summary>
    public int ErrorTailLines { get; init; } = 15;

    /// <summary>The <c>build-date</c> label's day; null means today (UTC).</summary>
    public DateOnly? BuildDate { get; init; }
}
