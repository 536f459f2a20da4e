using System.Numerics;
using System.Runtime.CompilerServices;

namespace Kolla.Compat;

/// <summary>
/// A YAML mapping key with Python's dict semantics: <c>1</c>, <c>1.0</c> and <c>true</c> are the same key, strings
/// compare by code point, dates and timestamps by value; lists and mappings cannot be keys.
/// </summary>
internal readonly struct PyKey : IEquatable<PyKey>
{
    private readonly KeyClass _class;
    private readonly BigInteger _integer;
    private readonly double _float;
    private readonly long _ticks;
    private readonly object? _reference;

    private PyKey(KeyClass keyClass, BigInteger integer = default, double number = 0, long ticks = 0, object? reference = null)
    {
        _class = keyClass;
        _integer = integer;
        _float = number;
        _ticks = ticks;
        _reference = reference;
    }

    /// <summary>Groups whose members Python can order against each other.</summary>
    public enum KeyClass
    {
        /// <summary><c>None</c>: equal only to itself, never orderable.</summary>
        Null,

        /// <summary>An integral number (int, bool, or a float with an integral value).</summary>
        Integer,

        /// <summary>A non-integral float (or infinity); NaN is only equal to itself (by identity).</summary>
        Float,

        /// <summary>A string.</summary>
        String,

        /// <summary>A date.</summary>
        Date,

        /// <summary>A timestamp without offset.</summary>
        NaiveTimestamp,

        /// <summary>A timestamp with offset (compared as an instant).</summary>
        AwareTimestamp,
    }

    /// <summary>The ordering group (Integer and Float order against each other).</summary>
    public KeyClass Class => _class;

    /// <summary>The key for <paramref name="value"/>, or false when Python could not hash it (a list or mapping).</summary>
    public static bool TryCreate(object? value, out PyKey key)
    {
        switch (value)
        {
            case null:
                key = new PyKey(KeyClass.Null);
                return true;
            case bool b:
                key = new PyKey(KeyClass.Integer, b ? BigInteger.One : BigInteger.Zero);
                return true;
            case BigInteger i:
                key = new PyKey(KeyClass.Integer, i);
                return true;
            case int i:
                key = new PyKey(KeyClass.Integer, i);
                return true;
            case long l:
                key = new PyKey(KeyClass.Integer, l);
                return true;
            case double d:
                key = double.IsFinite(d) && Math.Floor(d) == d
                    ? new PyKey(KeyClass.Integer, new BigInteger(d))
                    : new PyKey(KeyClass.Float, number: d, reference: double.IsNaN(d) ? value : null);
                return true;
            case string s:
                key = new PyKey(KeyClass.String, reference: s);
                return true;
            case IPyTimestamp { Python: var ts }:
                key = ts.IsDate ? new PyKey(KeyClass.Date, ticks: ts.WallClock.Ticks)
                    : ts.Offset is null ? new PyKey(KeyClass.NaiveTimestamp, ticks: ts.WallClock.Ticks)
                    : new PyKey(KeyClass.AwareTimestamp, ticks: ts.UtcTicks);
                return true;
            default:
                key = default;
                return false;
        }
    }

    /// <summary>
    /// The indexes of <paramref name="keys"/> in the order Python's <c>sorted()</c> puts them when every key can be
    /// ordered against the others (how PyYAML dumps a dict), else in their own order.
    /// </summary>
    public static int[] SortedOrder(IReadOnlyList<object?> keys)
    {
        var order = new int[keys.Count];
        var pyKeys = new PyKey[keys.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            TryCreate(keys[i], out pyKeys[i]);
        }

        if (order.Length < 2)
        {
            return order;
        }

        for (var i = 1; i < pyKeys.Length; i++)
        {
            if (!Orderable(pyKeys[0].Class, pyKeys[i].Class))
            {
                return order;
            }
        }

        // A stable sort (Python's sorted) over the keys; they are distinct, so order is fully determined.
        return [.. order.OrderBy(i => pyKeys[i], Comparer<PyKey>.Create(Compare))];
    }

    /// <summary>True when Python can order keys of these two groups against each other.</summary>
    public static bool Orderable(KeyClass a, KeyClass b) =>
        a != KeyClass.Null && b != KeyClass.Null && (a == b || (IsNumber(a) && IsNumber(b)));

    /// <summary>Python's <c>&lt;</c> ordering for two orderable keys.</summary>
    public static int Compare(PyKey a, PyKey b)
    {
        if (IsNumber(a._class))
        {
            return (a._class, b._class) switch
            {
                (KeyClass.Integer, KeyClass.Integer) => a._integer.CompareTo(b._integer),
                (KeyClass.Float, KeyClass.Float) => a._float.CompareTo(b._float),
                (KeyClass.Integer, _) => CompareMixed(a._integer, b._float),
                _ => -CompareMixed(b._integer, a._float),
            };
        }

        return a._class switch
        {
            KeyClass.String => PyText.CompareCodePoints((string)a._reference!, (string)b._reference!),
            _ => a._ticks.CompareTo(b._ticks),
        };
    }

    public bool Equals(PyKey other)
    {
        if (_class != other._class)
        {
            return false;
        }

        return _class switch
        {
            KeyClass.Null => true,
            KeyClass.Integer => _integer == other._integer,
            KeyClass.Float => _reference is not null ? ReferenceEquals(_reference, other._reference) : _float == other._float,
            KeyClass.String => string.Equals((string)_reference!, (string)other._reference!, StringComparison.Ordinal),
            _ => _ticks == other._ticks,
        };
    }

    public override bool Equals(object? obj) => obj is PyKey other && Equals(other);

    public override int GetHashCode() => _class switch
    {
        KeyClass.Null => 0,
        KeyClass.Integer => _integer.GetHashCode(),
        KeyClass.Float => _reference is not null ? RuntimeHelpers.GetHashCode(_reference) : _float.GetHashCode(),
        KeyClass.String => StringComparer.Ordinal.GetHashCode((string)_reference!),
        _ => HashCode.Combine(_class, _ticks),
    };

    private static bool IsNumber(KeyClass c) => c is KeyClass.Integer or KeyClass.Float;

    private static int CompareMixed(BigInteger integer, double number)
    {
        if (double.IsNaN(number))
        {
            return 0;
        }

        if (double.IsInfinity(number))
        {
            return number > 0 ? -1 : 1;
        }

        var floor = Math.Floor(number);
        var c = integer.CompareTo(new BigInteger(floor));
        return c != 0 ? c : (number > floor ? -1 : 0);
    }
}
