namespace Kolla.Configuration;

/// <summary>The format a service file is merged as.</summary>
internal enum ConfigFileFormat
{
    /// <summary>oslo.config INI, merged with <see cref="IniMerger"/>.</summary>
    Ini,

    /// <summary>YAML, merged with <see cref="YamlMerger"/>.</summary>
    Yaml,

    /// <summary>Any text, not merged (whole-file overrides and policy files).</summary>
    Text,
}
