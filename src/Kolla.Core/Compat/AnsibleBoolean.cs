using System.Globalization;

namespace Kolla.Compat;

/// <summary>
/// Ansible's spelling of booleans: <c>yes/no</c>, <c>true/false</c>, <c>on/off</c>, <c>1/0</c>, <c>y/n</c>,
/// <c>t/f</c> in any case, and real booleans and the numbers 1 and 0.
/// </summary>
internal static class AnsibleBoolean
{
    private static readonly HashSet<string> s_trueWords = new(StringComparer.OrdinalIgnoreCase) { "yes", "on", "1", "true", "y", "t" };
    private static readonly HashSet<string> s_falseWords = new(StringComparer.OrdinalIgnoreCase) { "no", "off", "0", "false", "n", "f", "" };

    /// <summary>Interprets a loaded value as a boolean the way Ansible does.</summary>
    /// <param name="value">A bool, a number, or a string.</param>
    /// <param name="result">The boolean when the value has a boolean meaning.</param>
    /// <returns>False when the value is not a boolean spelling (for example <c>"maybe"</c> or a list).</returns>
    public static bool TryParse(object? value, out bool result)
    {
        switch (value)
        {
            case bool b:
                result = b;
                return true;
            case string s when s_trueWords.Contains(s.Trim()):
                result = true;
                return true;
            case string s when s_falseWords.Contains(s.Trim()):
                result = false;
                return true;
            case long or int or double or decimal:
                var d = System.Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                result = d == 1;
                return d is 0 or 1;
            default:
                result = false;
                return false;
        }
    }
}
