using System.Numerics;
using Kolla.Inventory;

namespace Kolla.Tests.Inventory;

/// <summary>JSON as Python's <c>json.dumps(sort_keys=True, indent=4, ensure_ascii=False)</c> writes it.</summary>
public sealed class AnsibleJsonTests
{
    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(100000.0, "100000.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(-2.5e-7, "-2.5e-07")]
    [InlineData(1.5e300, "1.5e+300")]
    [InlineData(123456789012345678.0, "1.2345678901234568e+17")]
    [InlineData(0.1, "0.1")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    [InlineData(double.NaN, "NaN")]
    public void Serialize_Float_LikePythonRepr(double value, string expected)
    {
        AnsibleJson.Serialize(value).Should().Be(expected);
    }

    [Fact]
    public void Serialize_Document_SortsKeysByCodePointAndIndentsFour()
    {
        var value = new Dictionary<string, object?>
        {
            ["b"] = new List<object?> { 1L, "x", null, true },
            ["_meta"] = new Dictionary<string, object?>(),
            ["Z"] = new List<object?>(),
            ["é"] = BigInteger.Pow(10, 20),
        };

        AnsibleJson.Serialize(value).Should().Be(
            "{\n    \"Z\": [],\n    \"_meta\": {},\n    \"b\": [\n        1,\n        \"x\",\n        null,\n        true\n    ],\n    \"é\": 100000000000000000000\n}");
    }

    [Fact]
    public void Serialize_String_EscapesControlCharactersOnly()
    {
        AnsibleJson.Serialize("a\"b\\c\nd\te\u0001fé€😀").Should().Be("\"a\\\"b\\\\c\\nd\\te\\u0001fé€😀\"");
    }
}
