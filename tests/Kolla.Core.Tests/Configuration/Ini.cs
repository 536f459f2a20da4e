using Kolla.Configuration;

namespace Kolla.Tests.Configuration;

/// <summary>Small helpers: merge texts named 1.conf, 2.conf, … and write the result.</summary>
internal static class Ini
{
    public static IniDocument Merge(params string[] texts) =>
        IniMerger.Merge(texts.Select((t, i) => ConfigSource.FromText($"{i + 1}.conf", t)));

    public static string Text(params string[] texts) => Merge(texts).ToText();

    public static string TextNoWhitespace(params string[] texts) => Merge(texts).ToText(whitespace: false);

    public static ConfigMergeException Error(params string[] texts)
    {
        var act = () => Merge(texts);
        return act.Should().Throw<ConfigMergeException>().Which;
    }
}
