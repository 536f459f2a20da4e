using System.Buffers;
using System.Numerics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kolla.Compat;

namespace Kolla.Tests.Compat;

/// <summary>JSON as Python's <c>json.dumps</c> writes it (ansible-inventory's options here), and with an encoder as <c>Utf8JsonWriter</c> does.</summary>
public sealed class JsonDumpsTests
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
        JsonDumps.Write(value, JsonDumpsOptions.AnsibleInventory).Should().Be(expected);
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

        JsonDumps.Write(value, JsonDumpsOptions.AnsibleInventory).Should().Be(
            "{\n    \"Z\": [],\n    \"_meta\": {},\n    \"b\": [\n        1,\n        \"x\",\n        null,\n        true\n    ],\n    \"é\": 100000000000000000000\n}");
    }

    [Fact]
    public void Serialize_String_EscapesControlCharactersOnly()
    {
        JsonDumps.Write("a\"b\\c\nd\te\u0001fé€😀", JsonDumpsOptions.AnsibleInventory).Should().Be("\"a\\\"b\\\\c\\nd\\te\\u0001fé€😀\"");
    }

    public static TheoryData<object?> DotNetValues => new()
    {
        "",
        "quote \" backslash \\ newline \n tab \t <html> & 'single' + é ✓ \u0001 \u007f \u0085 \u2028 😀",
        new string(Enumerable.Range(0, 0xD800).Select(c => (char)c).ToArray()),
        new string(Enumerable.Range(0xE000, 0x2000).Select(c => (char)c).ToArray()),
        // Every character alone in a string: strings with nothing to escape take the no-copy path.
        Enumerable.Range(0, 0xD800).Concat(Enumerable.Range(0xE000, 0x2000)).Select(c => (object?)$"a{(char)c}b").ToList(),
        0.1,
        1e16,
        -2.5e-7,
        1.5e300,
        3.25f,
        1.50m,
        -0.0,
        long.MinValue,
        ulong.MaxValue,
        new Dictionary<string, object?> { ["a"] = new List<object?> { 1, "x", null, true }, ["b"] = new Dictionary<string, object?>(), ["c"] = new List<object?>() },
    };

    [Theory]
    [MemberData(nameof(DotNetValues))]
    public void Encoder_WritesWhatUtf8JsonWriterWrites(object? value)
    {
        foreach (var encoder in new[] { JavaScriptEncoder.Default, JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
        {
            foreach (var indented in new[] { false, true })
            {
                var options = new JsonDumpsOptions
                {
                    Indent = indented ? 4 : null,
                    ItemSeparator = ",",
                    KeySeparator = indented ? ": " : ":",
                    Encoder = encoder,
                };
                var buffer = new ArrayBufferWriter<byte>();
                using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder, Indented = indented, IndentSize = 4, NewLine = "\n" }))
                {
                    JsonSerializer.Serialize(writer, value);
                }

                JsonDumps.Write(value, options).Should().Be(Encoding.UTF8.GetString(buffer.WrittenSpan), $"indented: {indented}, encoder: {encoder}");
            }
        }
    }
}
