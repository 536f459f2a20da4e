namespace Kolla.Planning;

/// <summary>The inputs ask for settings the catalogue does not implement; the message lists every one, one per line.</summary>
public sealed class UnimplementedSettingsException : KollaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="settings">The settings (at least one).</param>
    /// <param name="advice">Appended in parentheses to the first line, e.g. how to continue anyway; null for none.</param>
    public UnimplementedSettingsException(IReadOnlyList<UnimplementedSetting> settings, string? advice = null)
        : base(Format(settings, advice))
    {
        Settings = settings;
    }

    /// <summary>The settings, in the order of the message.</summary>
    public IReadOnlyList<UnimplementedSetting> Settings { get; }

    private static string Format(IReadOnlyList<UnimplementedSetting> settings, string? advice)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var head = "settings this deployment asks for are not implemented" + (advice is null ? string.Empty : $" ({advice})") + ":";
        return string.Join("\n  ", settings.Select(s => s.ToString()).Prepend(head));
    }
}
