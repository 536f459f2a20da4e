using System.Collections;

namespace Kolla.Variables;

/// <summary>
/// Equality of raw variable values (as scopes hold them: strings, numbers, booleans, lists, mappings, other scopes)
/// such that equal values render the same: same runtime types, strings by ordinal, lists and mappings item by item in
/// order; anything else (a host's scope, an object of unknown kind) only when it is the same instance.
/// </summary>
internal sealed class RawValueComparer : IEqualityComparer<object?>
{
    /// <summary>Deeper values are compared by reference only (so a list holding itself through a YAML alias ends).</summary>
    private const int MaxDepth = 32;

    public static RawValueComparer Instance { get; } = new();

    public new bool Equals(object? x, object? y) => Same(x, y, 0);

    public int GetHashCode(object? value) => value switch
    {
        null => 0,
        string s => string.GetHashCode(s, StringComparison.Ordinal),
        bool or long or int or double or decimal => value.GetHashCode(),
        ICollection collection => HashCode.Combine(value.GetType(), collection.Count),
        _ => HashCode.Combine(value.GetType()),
    };

    private static bool Same(object? x, object? y, int depth)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null || x.GetType() != y.GetType() || depth >= MaxDepth)
        {
            return false;
        }

        switch (x)
        {
            case string s:
                return string.Equals(s, (string)y, StringComparison.Ordinal);
            case bool or long or int or short or byte or uint or ulong or double or float or decimal:
                return x.Equals(y);
            case IReadOnlyDictionary<string, object?> map:
                var other = (IReadOnlyDictionary<string, object?>)y;
                if (map.Count != other.Count)
                {
                    return false;
                }

                // In order: a template that loops over a mapping writes its items in that order.
                using (var left = map.GetEnumerator())
                using (var right = other.GetEnumerator())
                {
                    while (left.MoveNext() && right.MoveNext())
                    {
                        if (!string.Equals(left.Current.Key, right.Current.Key, StringComparison.Ordinal) || !Same(left.Current.Value, right.Current.Value, depth + 1))
                        {
                            return false;
                        }
                    }
                }

                return true;
            case IList list:
                var items = (IList)y;
                if (list.Count != items.Count)
                {
                    return false;
                }

                for (var i = 0; i < list.Count; i++)
                {
                    if (!Same(list[i], items[i], depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }
}
