namespace Kolla.Configuration;

/// <summary>How the sources of a service file are combined.</summary>
public enum OverrideMode
{
    /// <summary>All existing sources are merged in order, later winning (<c>merge_configs</c> / <c>merge_yaml</c>).</summary>
    Merge,

    /// <summary>The first existing source is used as the whole file (rendered as a template, not merged).</summary>
    WholeFile,
}
