using CsCheck;
using Kolla.Configuration;

namespace Kolla.Tests.Configuration;

/// <summary>Properties of the YAML merge over generated inputs.</summary>
public sealed class YamlPropertyTests
{
    private static readonly Gen<string> Text = Gen.Char["ab:-[]{},&*!|>'\"%@`#? \t\n\r\\0123456789.~=<yesnoé😀\u0085\u2028\ufeff"]
        .Array[0, 120].Select(a => new string(a));

    [Fact]
    public void MergeYaml_ArbitraryText_ThrowsOnlyConfigMergeException()
    {
        Gen.Select(Text, Gen.Bool).Sample((text, extend) =>
        {
            try
            {
                _ = YamlMerger.MergeToText([ConfigSource.FromText("a.yml", text), ConfigSource.FromText("b.yml", text)], new YamlMergeOptions { ExtendLists = extend });
            }
            catch (ConfigMergeException)
            {
            }
        }, iter: 5000);
    }

    [Fact]
    public void MergeYaml_SameDocumentTwiceWithoutExtend_EqualsOnce()
    {
        Text.Sample(text =>
        {
            string? once;
            try
            {
                once = YamlMerger.MergeToText([ConfigSource.FromText("a.yml", text)]);
            }
            catch (ConfigMergeException)
            {
                return true;
            }

            return YamlMerger.MergeToText([ConfigSource.FromText("a.yml", text), ConfigSource.FromText("b.yml", text)]) == once;
        });
    }
}
