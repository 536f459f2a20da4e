using System.Collections;
using System.Numerics;

namespace Kolla.Compat;

/// <summary>Python's truth value of a plain value (<c>if value:</c>, <c>value or {}</c>).</summary>
internal static class PyTruth
{
    /// <summary>
    /// True for <c>None</c>, <c>False</c>, zero, the empty string and empty collections (any enumerable other than a
    /// string that yields nothing); false for everything else.
    /// </summary>
    public static bool IsFalsy(object? value) => value switch
    {
        null => true,
        bool b => !b,
        string s => s.Length == 0,
        long l => l == 0,
        int i => i == 0,
        BigInteger b => b.IsZero,
        double d => d == 0,
        ICollection c => c.Count == 0,
        IEnumerable e => !e.Cast<object?>().Any(),
        _ => false,
    };
}
