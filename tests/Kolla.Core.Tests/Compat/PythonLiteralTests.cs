using System.Numerics;
using Kolla.Compat;

namespace Kolla.Tests.Compat;

/// <summary>
/// INI values go through Python's <c>ast.literal_eval</c>; expectations were taken from Python 3.11
/// (Debian's, the one ansible-core runs on). "TEXT" means Python refuses and the raw text is kept.
/// </summary>
public sealed class PythonLiteralTests
{
    private static readonly object Text = new();

    public static TheoryData<string, object?> Literals() => new()
    {
        { "1", 1L },
        { "-3", -3L },
        { "+4", 4L },
        { "0x1F", 31L },
        { "0o17", 15L },
        { "0b101", 5L },
        { "1_000", 1000L },
        { "00", 0L },
        { "0_0", 0L },
        { "-0x10", -16L },
        { "-(1)", -1L },
        { "- 1", -1L },
        { "(((1)))", 1L },
        { "  7", 7L },
        { "1 # c", 1L },
        { "-9223372036854775808", long.MinValue },
        { "123456789012345678901234567890", BigInteger.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture) },
        { "1.5", 1.5 },
        { "1e3", 1000.0 },
        { ".5", 0.5 },
        { "5.", 5.0 },
        { "007.5", 7.5 },
        { "-2.5e-7", -2.5e-7 },
        { "1e999", double.PositiveInfinity },
        { "True", true },
        { "False", false },
        { "None", null },
        { "'quoted'", "quoted" },
        { "\"dq\"", "dq" },
        { "'a' 'b'", "ab" },
        { "b'bytes'", "bytes" },
        { @"r'\d'", @"\d" },
        { "u'x'", "x" },
        { @"'\x41\101\u00e9'", "AAé" },
        { @"'a\qb'", @"a\qb" },
        { "'''tri'''", "tri" },
        { "''", string.Empty },
        { "yes", Text },
        { "true", Text },
        { "01", Text },
        { "abc", Text },
        { "--1", Text },
        { "1+2", Text },
        { "-True", Text },
        { "f'x'", Text },
        { string.Empty, Text },
        { "0x", Text },
        { "1__0", Text },
        { "1_", Text },
        { "1e", Text },
        { "{a:1}", Text },
        { "[1 2]", Text },
        { "{1:2,3}", Text },
        { "1 if 1 else 2", Text },
        { "not 1", Text },
        { "x", Text },
    };

    [Theory]
    [MemberData(nameof(Literals))]
    public void ParseValue_Scalar_TypedAsPythonLiteralEval(string text, object? expected)
    {
        var value = PythonLiteral.ParseValue(text);

        if (ReferenceEquals(expected, Text))
        {
            value.Should().Be(text);
        }
        else
        {
            value.Should().Be(expected);
        }
    }

    [Fact]
    public void ParseValue_NegativeZero_KeepsTheSign()
    {
        var value = PythonLiteral.ParseValue("-0.0");

        value.Should().BeOfType<double>().Which.Should().Match(d => double.IsNegative((double)d) && (double)d == 0);
    }

    [Theory]
    [InlineData("[1,'a',None]", "[1, 'a', None]")]
    [InlineData("{'a':1,'b':[2,(3,4)]}", "{'a': 1, 'b': [2, [3, 4]]}")]
    [InlineData("(1,2)", "[1, 2]")]
    [InlineData("1, 2", "[1, 2]")]
    [InlineData("1,", "[1]")]
    [InlineData("()", "[]")]
    [InlineData("[1,]", "[1]")]
    [InlineData("{}", "{}")]
    [InlineData("[[]]", "[[]]")]
    [InlineData("{'k': {'n': None}}", "{'k': {'n': None}}")]
    [InlineData("{'a':1,'a':2}", "{'a': 2}")]
    [InlineData("{1: 'x', True: 'y', None: 'z', 1.5: 'w'}", "{'1': 'x', 'true': 'y', 'null': 'z', '1.5': 'w'}")]
    public void ParseValue_Container_BecomesListsAndDictionaries(string text, string expectedRepr)
    {
        var value = PythonLiteral.ParseValue(text);

        value.Should().BeAssignableTo<System.Collections.IEnumerable>().And.NotBeOfType<string>();
        PyText.Repr(value).Should().Be(expectedRepr);
    }

    [Fact]
    public void ParseValue_Dictionary_HasOrdinalStringKeysAndPlainValues()
    {
        var value = PythonLiteral.ParseValue("{'b': [1, 2.5], 'a': (True,)}");

        var dict = value.Should().BeOfType<Dictionary<string, object?>>().Subject;
        dict.Keys.Should().Equal("b", "a");
        dict["b"].Should().BeOfType<List<object?>>().Which.Should().Equal(1L, 2.5);
        dict["a"].Should().BeOfType<List<object?>>().Which.Should().Equal(true);
    }

    [Theory]
    [InlineData("1j")]
    [InlineData(@"'\N{BULLET}'")]
    [InlineData("{[1]: 2}")]
    public void ParseValue_ValuesAnsibleCannotPrint_StayText(string text)
    {
        PythonLiteral.ParseValue(text).Should().Be(text);
    }
}
