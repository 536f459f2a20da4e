using Kolla.Compat;

namespace Kolla.Tests.Compat;

public sealed class PyTextTests
{
    [Theory]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(1e-4, "0.0001")]
    [InlineData(0.1, "0.1")]
    [InlineData(1.5, "1.5")]
    [InlineData(-2.0, "-2.0")]
    [InlineData(123456789012345678.0, "1.2345678901234568e+17")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(0.0, "0.0")]
    public void FloatRepr_MatchesPython(double value, string expected)
    {
        PyText.FloatRepr(value).Should().Be(expected);
    }

    [Fact]
    public void FloatText_ExponentWithoutDot_GetsDotZero()
    {
        PyYamlWriter.FloatText(1e16).Should().Be("1.0e+16");
        PyYamlWriter.FloatText(-0.0).Should().Be("-0.0");
    }
}
