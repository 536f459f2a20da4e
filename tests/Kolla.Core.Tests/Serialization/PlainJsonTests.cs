using System.Text.Encodings.Web;
using System.Text.Json;
using Kolla.Serialization;

namespace Kolla.Tests.Serialization;

/// <summary>PlainJson writes what System.Text.Json's reflection serializer writes for the same plain values.</summary>
public sealed class PlainJsonTests
{
    public static TheoryData<object> Values => new()
    {
        "",
        "plain",
        "quote \" backslash \\ newline \n tab \t <html> & 'single' + é ✓ \u0001",
        true,
        42,
        -7L,
        3.25,
        582.1,
        1e-7,
        new Dictionary<string, object?> { ["event"] = "HostReady", ["host"] = "node-a", ["elapsed_ms"] = 12.5, ["ok"] = 3, ["flag"] = false, ["none"] = null },
        new Dictionary<string, object> { ["built"] = new List<Dictionary<string, string>> { new() { ["name"] = "base" } }, ["failed"] = new List<object>() },
        new List<object?> { 1, "two", null, new[] { "x", "y" } },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Serialize_MatchesJsonSerializer(object value)
    {
        PlainJson.Serialize(value).Should().Be(JsonSerializer.Serialize(value));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Serialize_Relaxed_MatchesJsonSerializerWithRelaxedEscaping(object value)
    {
        PlainJson.Serialize(value, relaxedEscaping: true)
            .Should().Be(JsonSerializer.Serialize(value, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public void Serialize_NotAPlainValue_Throws()
    {
        var act = () => PlainJson.Serialize(new Dictionary<string, object?> { ["when"] = DateTime.UnixEpoch });

        act.Should().Throw<InvalidOperationException>().WithMessage("*DateTime*");
    }
}
