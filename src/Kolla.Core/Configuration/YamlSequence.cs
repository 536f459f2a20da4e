namespace Kolla.Configuration;

/// <summary>A YAML list as merged by <see cref="YamlMerger"/>: items are YAML values (see <see cref="YamlMapping"/>).</summary>
internal sealed class YamlSequence : List<object?>
{
    /// <summary>An empty list.</summary>
    public YamlSequence()
    {
    }

    /// <summary>A list holding <paramref name="items"/>.</summary>
    public YamlSequence(IEnumerable<object?> items)
        : base(items)
    {
    }
}
