using System.Text.Json.Nodes;
using Kolla.Configuration;

namespace Kolla.Tests.Configuration;

/// <summary>
/// Random layered inputs merged by this library and by the real oslo.config parser with merge_configs' layering
/// (kolla_merge_oracle.py): outputs must be identical, errors must name the same source, line and message.
/// </summary>
[Trait("Category", "Integration")]
public sealed class IniDifferentialTests
{
    private const int Seed = 20261125;
    private const int CaseCount = 400;

    [Fact]
    public async Task Merge_RandomLayeredInputs_MatchesOsloConfig()
    {
        await OracleDriver.RequireAsync("oslo_config.iniparser", "python3-oslo.config");
        var corpus = new IniCorpus(Seed);
        var cases = Enumerable.Range(0, CaseCount).Select(_ => corpus.NextCase()).ToList();
        var batch = new JsonArray(cases.Select(c => (JsonNode)new JsonObject
        {
            ["sources"] = new JsonArray(c.Sources.Select(s => (JsonNode)OracleDriver.SourceJson(s)).ToArray()),
            ["whitespace"] = c.Whitespace,
        }).ToArray());

        var results = await OracleDriver.BatchAsync(batch);

        var errors = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var (sources, whitespace) = cases[i];
            var expected = results[i]!.AsObject();
            var because = $"case {i}: {batch[i]!.ToJsonString()}";
            if (expected["error"] is JsonObject error)
            {
                errors++;
                var act = () => IniMerger.Merge(sources);
                var thrown = act.Should().Throw<ConfigMergeException>(because).Which;
                thrown.Source.Should().Be((string)error["source"]!, because);
                thrown.Line.Should().Be((int)error["line"]!, because);
                thrown.Reason.Should().StartWith((string)error["message"]! + ": ", because);
                continue;
            }

            IniMerger.Merge(sources).ToText(whitespace).Should().Be((string)expected["output"]!, because);
        }

        errors.Should().BeInRange(CaseCount / 20, CaseCount / 4, "the corpus should mix errors and outputs");
    }
}
