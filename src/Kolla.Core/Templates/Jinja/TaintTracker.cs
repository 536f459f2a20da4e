using Fluid.Values;
using Kolla.Passwords;

namespace Kolla.Templates.Jinja;

/// <summary>
/// Secret taint of one render and of the lazy variable evaluations it triggers: which values carry a secret (a string
/// read from the variables that equals one of the renderer's <see cref="TemplateSecrets"/>, or a value computed from
/// one) and which spans of the text written so far do. Created by the first secret a render reads, so a render that
/// reads none allocates nothing for it.
/// </summary>
/// <remarks>
/// Taint follows data, not control: <c>{% if password %}yes{% endif %}</c> writes an untainted <c>yes</c>. Numbers,
/// booleans and None are never tainted (a password's length is not a secret).
/// </remarks>
internal sealed class TaintTracker
{
    private readonly Dictionary<FluidValue, (TaintKind Kind, TaintSpan[]? Spans)> _values = new(ReferenceEqualityComparer.Instance);

    // Every marking in order, so what a lazy evaluation marked can be kept with its value and replayed (TaintReplay).
    private readonly List<TaintMark> _marks = [];
    private Dictionary<StringWriter, List<TaintSpan>>? _written;

    /// <summary>
    /// Counts tainted values produced, or read again from a cache. An operation during which it moves (a filter walking
    /// a dict whose values are converted on demand) has read a secret, so its result is tainted.
    /// </summary>
    public int Reads { get; private set; }

    public bool IsTainted(FluidValue value) => _values.ContainsKey(value);

    /// <summary>True when the value is secret as a whole, so whatever is taken out of it is secret too.</summary>
    public bool IsWhole(FluidValue value) => _values.TryGetValue(value, out var taint) && taint.Kind == TaintKind.Whole;

    /// <summary>Where the markings stand, and the reads: what <see cref="Since"/> starts from.</summary>
    public (int Marks, int Reads) Position => (_marks.Count, Reads);

    /// <summary>What was marked and read since <paramref name="position"/> (of this tracker; default: since it was made).</summary>
    public TaintReplay Since((int Marks, int Reads) position) =>
        new([.. _marks.Skip(position.Marks)], Reads - position.Reads);

    /// <summary>Marks and counts again what <paramref name="replay"/> holds, as if its evaluation had run in this render.</summary>
    public void Replay(TaintReplay replay)
    {
        foreach (var mark in replay.Marks)
        {
            Set(mark.Value, mark.Kind, mark.Spans);
        }

        Reads += replay.Reads;
    }

    /// <summary>Counts a cached value that is read again, when it is tainted.</summary>
    public void Read(FluidValue value)
    {
        if (_values.ContainsKey(value))
        {
            Reads++;
        }
    }

    /// <summary>Taints a value as a whole (a non-empty string, a list or a dict; other values stay untainted).</summary>
    public FluidValue MarkWhole(FluidValue value)
    {
        if (CanTaint(value))
        {
            Set(value, TaintKind.Whole, null);
            Reads++;
        }

        return value;
    }

    /// <summary>Taints the given spans of a string (the whole string when they cover it).</summary>
    public FluidValue MarkSpans(StringValue value, IEnumerable<TaintSpan> spans)
    {
        var length = value.ToStringValue().Length;
        var merged = SecretPieces.Merge(spans.Where(s => s.Length > 0 && s.Start < length));
        if (merged.Length == 0)
        {
            return value;
        }

        if (merged is [{ Start: 0 } single] && single.End >= length)
        {
            return MarkWhole(value);
        }

        Set(value, TaintKind.Spans, merged);
        Reads++;
        return value;
    }

    /// <summary>Taints a list or dict built from values (a literal, a converted variable) when one of its elements is tainted.</summary>
    public FluidValue MarkElements(FluidValue container)
    {
        if (!_values.ContainsKey(container) && HasTaintedElement(container))
        {
            Set(container, TaintKind.Elements, null);
            Reads++;
        }

        return container;
    }

    /// <summary>
    /// The result of a filter, method or function: tainted when an operand is, or when a secret was read while it ran,
    /// unless the result is one of its untainted operands passed through (<c>ternary</c>, <c>default</c>).
    /// </summary>
    public FluidValue Derive(FluidValue result, int readsBefore, FluidValue? input, Arguments arguments)
    {
        if (!CanTaint(result) || _values.ContainsKey(result))
        {
            return result;
        }

        // Loops, not LINQ: once a render has read a secret, every filter call comes through here.
        var tainted = Reads != readsBefore || (input is not null && _values.ContainsKey(input));
        var passedThrough = ReferenceEquals(result, input);
        var positional = arguments.Positional;
        for (var i = 0; i < positional.Count; i++)
        {
            tainted |= _values.ContainsKey(positional[i]);
            passedThrough |= ReferenceEquals(result, positional[i]);
        }

        if (arguments.Named.Count > 0)
        {
            foreach (var (_, argument) in arguments.Named)
            {
                tainted |= _values.ContainsKey(argument);
                passedThrough |= ReferenceEquals(result, argument);
            }
        }

        return tainted && !passedThrough ? MarkWhole(result) : result;
    }

    /// <summary>
    /// The result of a binary operator: concatenation (<c>~</c>, <c>+</c> on strings) keeps the secret spans of each side
    /// where they land, <c>+</c> on lists keeps the elements' own taint, anything else is tainted as a whole.
    /// </summary>
    public FluidValue Combine(string op, FluidValue left, FluidValue right, FluidValue result)
    {
        var leftTainted = _values.ContainsKey(left);
        var rightTainted = _values.ContainsKey(right);
        if (!(leftTainted || rightTainted) || !CanTaint(result))
        {
            return result;
        }

        switch (result)
        {
            case StringValue text when op == "~" || (op == "+" && left is StringValue && right is StringValue):
                var length = text.ToStringValue().Length;
                var leftLength = left is StringValue ? left.ToStringValue().Length : Py.Str(left).Length;
                var spans = new List<TaintSpan>();
                if (leftTainted)
                {
                    spans.AddRange(SpansIn(left, leftLength));
                }

                if (rightTainted)
                {
                    spans.AddRange(SpansIn(right, length - leftLength).Select(s => s.Shift(leftLength)));
                }

                return MarkSpans(text, spans);
            case ArrayValue when op == "+" && !IsWhole(left) && !IsWhole(right):
                return MarkElements(result);
            default:
                return MarkWhole(result);
        }
    }

    /// <summary>
    /// Something taken out of a value: an element or a dict value (<paramref name="index"/> -1), a character, or an item a
    /// loop or an unpacking yields. Tainted when the value is secret as a whole, or the character lies in a secret span;
    /// an element of a list or dict built from values keeps its own taint.
    /// </summary>
    public FluidValue Part(FluidValue source, int index, FluidValue part)
    {
        if (!_values.TryGetValue(source, out var taint))
        {
            return part;
        }

        return taint.Kind == TaintKind.Whole || (taint.Kind == TaintKind.Spans && index >= 0 && Covers(taint.Spans!, index)) ? MarkWhole(part) : part;
    }

    /// <summary>The items a for loop or an unpacking takes out of <paramref name="source"/> (see <see cref="Part"/>).</summary>
    public void MarkItems(FluidValue source, IReadOnlyList<FluidValue> items)
    {
        if (!_values.ContainsKey(source))
        {
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            Part(source, source is StringValue ? i : -1, items[i]);
        }
    }

    /// <summary>A slice: of a list, as its elements; of a string, the characters that came from secret spans.</summary>
    public FluidValue Slice(FluidValue source, IReadOnlyList<int> indices, FluidValue result)
    {
        if (!_values.TryGetValue(source, out var taint))
        {
            return result;
        }

        switch (taint.Kind)
        {
            case TaintKind.Elements:
                return MarkElements(result);
            case TaintKind.Whole:
                return MarkWhole(result);
        }

        var spans = new List<TaintSpan>();
        for (var i = 0; i < indices.Count; i++)
        {
            if (Covers(taint.Spans!, indices[i]))
            {
                spans.Add(new TaintSpan(i, 1));
            }
        }

        return result is StringValue text ? MarkSpans(text, spans) : result;
    }

    /// <summary>The spans of <paramref name="text"/>, written for <paramref name="value"/>, that carry a secret (null: none).</summary>
    public IReadOnlyList<TaintSpan>? OutputSpans(FluidValue value, string text, int readsBefore)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (_values.TryGetValue(value, out var taint))
        {
            return taint.Kind == TaintKind.Spans ? taint.Spans : [new TaintSpan(0, text.Length)];
        }

        // A dict converted while it was written (its repr) whose values hold a secret.
        return Reads != readsBefore ? [new TaintSpan(0, text.Length)] : null;
    }

    /// <summary>Notes secret spans about to be written (only text collected in a <see cref="StringWriter"/> is followed).</summary>
    public void Wrote(TextWriter writer, IReadOnlyList<TaintSpan> spans)
    {
        if (writer is not StringWriter collected)
        {
            return;
        }

        _written ??= [];
        if (!_written.TryGetValue(collected, out var list))
        {
            _written[collected] = list = [];
        }

        var offset = collected.GetStringBuilder().Length;
        for (var i = 0; i < spans.Count; i++)
        {
            list.Add(spans[i].Shift(offset));
        }
    }

    /// <summary>The secret spans written to <paramref name="writer"/> (null: none), forgotten afterwards.</summary>
    public IReadOnlyList<TaintSpan>? TakeWritten(StringWriter writer) =>
        _written is not null && _written.Remove(writer, out var spans) ? spans : null;

    /// <summary>The texts to mask for a value handed back as a plain value (a catalogue field): its tainted strings, at any depth.</summary>
    public List<string> PiecesOf(FluidValue value, TemplateSecrets? known)
    {
        var pieces = new List<string>();
        Collect(value, whole: false, known, pieces, depth: 0);
        return pieces;
    }

    /// <summary>The message with every tainted text it contains replaced by <c>***</c>: an error must not carry a secret.</summary>
    public string Mask(string message)
    {
        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (value, taint) in _values)
        {
            if (value is StringValue s)
            {
                var text = s.ToStringValue();
                texts.UnionWith(SecretPieces.Of(text, taint.Kind == TaintKind.Spans ? taint.Spans! : [new TaintSpan(0, text.Length)]));
            }
        }

        foreach (var text in texts.OrderByDescending(t => t.Length))
        {
            message = message.Replace(text, Secret.Mask, StringComparison.Ordinal);
        }

        return message;
    }

    private void Set(FluidValue value, TaintKind kind, TaintSpan[]? spans)
    {
        _values[value] = (kind, spans);
        _marks.Add(new TaintMark(value, kind, spans));
    }

    private static bool CanTaint(FluidValue value) => value switch
    {
        StringValue s => s.ToStringValue().Length > 0,
        ArrayValue or MappingValue => true,
        _ => false,
    };

    private bool HasTaintedElement(FluidValue container)
    {
        switch (container)
        {
            case ArrayValue list:
                var items = list.Values;
                for (var i = 0; i < items.Count; i++)
                {
                    if (_values.ContainsKey(items[i]))
                    {
                        return true;
                    }
                }

                return false;
            case LiteralMappingValue map:
                foreach (var value in map.Values)
                {
                    if (_values.ContainsKey(value))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool Covers(TaintSpan[] spans, int index) => Array.Exists(spans, s => index >= s.Start && index < s.End);

    private IEnumerable<TaintSpan> SpansIn(FluidValue value, int length) =>
        _values.TryGetValue(value, out var taint) && taint.Kind == TaintKind.Spans ? taint.Spans! : [new TaintSpan(0, length)];

    private void Collect(FluidValue value, bool whole, TemplateSecrets? known, List<string> pieces, int depth)
    {
        var found = _values.TryGetValue(value, out var taint);
        whole |= found && taint.Kind == TaintKind.Whole;
        switch (value)
        {
            case StringValue s when whole || (found && taint.Kind == TaintKind.Spans):
                var text = s.ToStringValue();
                pieces.AddRange(SecretPieces.Of(text, whole ? [new TaintSpan(0, text.Length)] : taint.Spans!, known));
                break;
            case ArrayValue list when depth < 64:
                foreach (var item in list.Values)
                {
                    Collect(item, whole, known, pieces, depth + 1);
                }

                break;
            case MappingValue map and not ScopeMappingValue when depth < 64:
                foreach (var (_, item) in map.Items(0))
                {
                    Collect(item, whole, known, pieces, depth + 1);
                }

                break;
        }
    }
}
