using Kolla.Variables;

namespace Kolla.Globals;

/// <summary>
/// The globals of a deployment as read from <c>globals.yml</c>: the values as written (unknown keys kept), where each was
/// written, and every enable flag evaluated. Everything else is derived from <see cref="Values"/> over
/// <see cref="Defaults"/> when used (<see cref="ToScope"/>), as kolla-ansible does.
/// </summary>
/// <remarks>
/// Reading checks the file once: the type of every known key, that the globals the library interprets evaluate
/// (<c>openstack_tag</c>, <c>node_custom_config</c>, ...), and the values those may take (<c>config_strategy</c>,
/// <c>docker_restart_policy</c>, ...). What a deployment needs set (the VIP, interfaces) is checked by prechecks, because the
/// inventory may set it. Built by <see cref="Parse"/> or <see cref="LoadAsync"/>; immutable.
/// </remarks>
public sealed class KollaGlobals
{
    internal KollaGlobals(
        string sourceFile,
        IReadOnlyDictionary<string, object?> values,
        IReadOnlyDictionary<string, object?> context,
        IReadOnlyDictionary<string, bool> enabled,
        IReadOnlyList<string> warnings,
        IReadOnlyDictionary<string, int> lines)
    {
        SourceFile = sourceFile;
        Values = values;
        ContextValues = context;
        EnabledFlags = enabled;
        Warnings = warnings;
        Lines = lines;
    }

    /// <summary>kolla-ansible's defaults for the known globals (values or Jinja expressions), lowest layer.</summary>
    public static IReadOnlyDictionary<string, object?> Defaults => GlobalsDefaults.Values;

    /// <summary>The file the values came from (or <c>(defaults)</c>).</summary>
    public string SourceFile { get; }

    /// <summary>Every key of <c>globals.yml</c> as loaded (unknown keys included).</summary>
    public IReadOnlyDictionary<string, object?> Values { get; }

    /// <summary>
    /// What to give the variable context as the globals layer: <see cref="Values"/> plus <c>CONFIG_DIR</c> when a
    /// config directory was given (kolla-ansible passes it as an extra var; <c>node_config</c> is derived from it).
    /// </summary>
    public IReadOnlyDictionary<string, object?> Variables =>
        ContextValues.Count == 0 ? Values : Values.Concat(ContextValues).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>Non-fatal findings such as duplicate keys, each <c>FILE:LINE: message</c>.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The 1-based line of each key of <see cref="Values"/> in <see cref="SourceFile"/> (empty for defaults).</summary>
    public IReadOnlyDictionary<string, int> Lines { get; }

    /// <summary>Every <c>enable_*</c> flag, evaluated (<c>enable_placement</c> follows <c>enable_nova</c>, ...).</summary>
    public IReadOnlyDictionary<string, bool> EnabledFlags { get; }

    /// <summary>Values only the evaluation needed (<c>CONFIG_DIR</c>).</summary>
    internal IReadOnlyDictionary<string, object?> ContextValues { get; }

    /// <summary>Reads <c>globals.yml</c>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="configDirectory">The deploy host's config directory (<c>--configdir</c>), used for <c>node_config</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="GlobalsException">Unreadable file, YAML error, a known key with the wrong type, or a value the key may not take.</exception>
    public static async Task<KollaGlobals> LoadAsync(string path, string? configDirectory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = await InputFile.ReadAllTextAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new GlobalsException(path, 0, null, $"cannot read the file: {ex.Message}");
        }

        return Parse(text, path, configDirectory);
    }

    /// <summary>Reads globals from YAML text.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="fileName">The name errors report.</param>
    /// <param name="configDirectory">The deploy host's config directory (<c>--configdir</c>), used for <c>node_config</c>.</param>
    /// <exception cref="GlobalsException">YAML error, a known key with the wrong type or a value it may not take, naming key, file and line.</exception>
    public static KollaGlobals Parse(string yaml, string fileName = "globals.yml", string? configDirectory = null) =>
        GlobalsReader.Read(yaml, fileName, configDirectory);

    /// <summary>The built-in defaults alone (as if <c>globals.yml</c> were empty).</summary>
    public static KollaGlobals FromDefaults(string? configDirectory = null) => GlobalsReader.Read(string.Empty, "(defaults)", configDirectory);

    /// <summary>True when <c>enable_&lt;service&gt;</c> is on (<c>-</c> in the name is read as <c>_</c>).</summary>
    /// <param name="service">The service, for example <c>nova</c> or <c>neutron-server</c>.</param>
    /// <param name="whenUnknown">The answer when no such flag exists (services such as cron have none).</param>
    public bool IsEnabled(string service, bool whenUnknown = false) =>
        EnabledFlags.TryGetValue("enable_" + service.Replace('-', '_'), out var on) ? on : whenUnknown;

    /// <summary>The globals as a variable scope: defaults, then <c>globals.yml</c>; any global resolves through it.</summary>
    public IVariableScope ToScope() => new LayeredVariableScope(Defaults, Values, ContextValues);
}
