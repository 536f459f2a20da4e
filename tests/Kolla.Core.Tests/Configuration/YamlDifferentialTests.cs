using System.Text.Json.Nodes;
using Kolla.Configuration;

namespace Kolla.Tests.Configuration;

/// <summary>
/// Random YAML layers merged by this library and by PyYAML with merge_yaml's deep merge (kolla_merge_oracle.py):
/// outputs must be byte-identical; where kolla fails, this library must fail cleanly on the same source.
/// </summary>
[Trait("Category", "Integration")]
public sealed class YamlDifferentialTests
{
    private const int Seed = 42_2026;
    private const int CaseCount = 400;

    [Fact]
    public async Task MergeYaml_RandomLayers_MatchesPyYaml()
    {
        await OracleDriver.RequireAsync("yaml", "python3-yaml");
        var corpus = new YamlCorpus(Seed);
        var cases = Enumerable.Range(0, CaseCount).Select(_ => corpus.NextCase()).ToList();
        var batch = new JsonArray(cases.Select(c => (JsonNode)new JsonObject
        {
            ["kind"] = "yaml",
            ["sources"] = new JsonArray(c.Sources.Select(s => (JsonNode)OracleDriver.SourceJson(s)).ToArray()),
            ["extend_lists"] = c.ExtendLists,
            ["width"] = c.Width,
        }).ToArray());

        var results = await OracleDriver.BatchAsync(batch);

        var failures = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var (sources, extendLists, width) = cases[i];
            var expected = results[i]!.AsObject();
            var because = $"case {i}: {batch[i]!.ToJsonString()} -> {expected.ToJsonString()}";
            var options = new YamlMergeOptions { ExtendLists = extendLists, Width = width };
            if (expected["error"] is JsonObject error)
            {
                failures++;
                var act = () => YamlMerger.MergeToText(sources, options);
                act.Should().Throw<ConfigMergeException>(because).Which.Source.Should().Be((string)error["source"]!, because);
                continue;
            }

            YamlMerger.MergeToText(sources, options).Should().Be((string)expected["output"]!, because);
        }

        failures.Should().BeLessThan(CaseCount / 3, "most cases should produce output");
    }
}
