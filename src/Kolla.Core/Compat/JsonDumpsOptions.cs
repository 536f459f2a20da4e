using System.Text.Encodings.Web;

namespace Kolla.Compat;

/// <summary>
/// The arguments of Python's <c>json.dumps</c> that Kolla's JSON depends on, and one that is not Python's: an
/// <see cref="Encoder"/> for JSON that must read as System.Text.Json writes it.
/// </summary>
internal sealed record JsonDumpsOptions
{
    /// <summary>Orders strings as Python sorts them: by Unicode code point.</summary>
    /// <remarks>Declared before the presets that use it: static properties are initialised in order.</remarks>
    public static IComparer<string> CodePointOrder { get; } = Comparer<string>.Create(
        (a, b) => a is null || b is null ? (a is null ? (b is null ? 0 : -1) : 1) : PyText.CompareCodePoints(a, b));

    /// <summary><c>json.dumps(value)</c>: one line, <c>", "</c> and <c>": "</c>, keys in their order, non-ASCII escaped.</summary>
    public static JsonDumpsOptions Python { get; } = new();

    /// <summary><c>json.dumps(value, sort_keys=True, indent=4)</c>: Ansible's fact cache files and <c>to_nice_json</c>.</summary>
    public static JsonDumpsOptions SortedIndented { get; } = new() { Indent = 4, SortKeys = CodePointOrder };

    /// <summary>
    /// <c>json.dumps(value, sort_keys=True, indent=4, ensure_ascii=False)</c>: what ansible-inventory prints.
    /// </summary>
    public static JsonDumpsOptions AnsibleInventory { get; } = new() { Indent = 4, SortKeys = CodePointOrder, EnsureAscii = false };

    /// <summary><c>indent</c>: null for one line, else a newline and this many spaces a level.</summary>
    public int? Indent { get; init; }

    /// <summary>The item separator (<c>separators[0]</c>); null means Python's default for the indent (<c>", "</c> or <c>","</c>).</summary>
    public string? ItemSeparator { get; init; }

    /// <summary>The key separator (<c>separators[1]</c>).</summary>
    public string KeySeparator { get; init; } = ": ";

    /// <summary><c>sort_keys</c> with the order to sort by (<see cref="CodePointOrder"/> is Python's); null keeps the mapping's order.</summary>
    public IComparer<string>? SortKeys { get; init; }

    /// <summary><c>ensure_ascii</c>: every non-ASCII UTF-16 unit (and DEL) as <c>\uXXXX</c>.</summary>
    public bool EnsureAscii { get; init; } = true;

    /// <summary><c>default</c>: turns a value of any other type into one JSON can write; null refuses such values.</summary>
    public Func<object, object?>? Fallback { get; init; }

    /// <summary>
    /// Not Python's: strings are escaped by this encoder and numbers written in .NET's shortest form, as
    /// System.Text.Json's <c>Utf8JsonWriter</c> writes them (non-finite floats are refused); <see cref="EnsureAscii"/> is
    /// then ignored. Null: Python's escaping and <c>repr()</c> of floats.
    /// </summary>
    public JavaScriptEncoder? Encoder { get; init; }
}
