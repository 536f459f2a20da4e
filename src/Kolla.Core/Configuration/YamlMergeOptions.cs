namespace Kolla.Configuration;

/// <summary>Options for <see cref="YamlMerger"/>, named after kolla-ansible's <c>merge_yaml</c> arguments.</summary>
public sealed record YamlMergeOptions
{
    /// <summary>The defaults: lists replaced, width 80, no rendering.</summary>
    public static YamlMergeOptions Default { get; } = new();

    /// <summary>kolla's <c>extend_lists</c>: a later list is appended to an earlier one at the same key instead of replacing it.</summary>
    public bool ExtendLists { get; init; }

    /// <summary>kolla's <c>yaml_width</c>: the output line width (null: PyYAML's 80).</summary>
    public int? Width { get; init; }

    /// <summary>Applied to each existing source before it is parsed (templates plug in here). Null: text is used as is.</summary>
    public ConfigSourceRenderer? Renderer { get; init; }
}
