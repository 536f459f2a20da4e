using System.Runtime.CompilerServices;
using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>
/// What one render (and the templated values it evaluates) may still spend, checked before the work is done: loop
/// iterations, nested evaluations, the length of texts and the size of values it builds (docs/limits.md).
/// </summary>
/// <remarks>
/// A value's size is about the length of its <c>repr</c>: a text counts its characters, a list or dict its items, each
/// counted in full wherever it is repeated. So <c>[[['x'] * 1000] * 1000] * 1000</c> is refused where it is built, not
/// when its billion items are printed.
/// </remarks>
internal sealed class RenderBudget(KollaLimits limits)
{
    // Sizes of the larger lists and dicts met so far (by reference): a value repeated in many places is measured once.
    // Smaller ones are measured again when met again, which costs no more than their size.
    private const long RememberedSize = 256;

    // What a number, a boolean or None counts (a text counts its length and its quotes).
    private const long SmallestItem = 4;

    private readonly Dictionary<FluidValue, (long Size, int Depth)> _sizes = new(ReferenceEqualityComparer.Instance);
    private long _iterations;
    private int _depth;
    private int _peak;

    public KollaLimits Limits { get; } = limits;

    /// <summary>Refuses a text of <paramref name="length"/> characters before it is built.</summary>
    public void Text(long length, int line)
    {
        if (length > Limits.MaxTemplateOutput)
        {
            throw new TemplateRuntimeException(
                $"this would build a text of {length} characters, more than {Limits.MaxTemplateOutput} (set {KollaLimits.TemplateOutputVariable} to allow more)", line);
        }
    }

    /// <summary>Refuses a list of <paramref name="count"/> items before it is built (items past the limit, or too large even if each were small).</summary>
    public void Items(long count, int line)
    {
        if (count > KollaLimits.TemplateListItems)
        {
            throw new TemplateRuntimeException($"this would build a list of {count} items, more than {KollaLimits.TemplateListItems}", line);
        }

        Check(2 + (count * (SmallestItem + 2)), line);
    }

    /// <summary>Counts <paramref name="count"/> loop iterations about to run.</summary>
    public void Iterations(long count, int line)
    {
        _iterations += count;
        if (_iterations > Limits.MaxTemplateLoopIterations)
        {
            throw new TemplateRuntimeException(
                $"the loops of this render would run more than {Limits.MaxTemplateLoopIterations} iterations (set {KollaLimits.TemplateLoopIterationsVariable} to allow more)", line);
        }
    }

    /// <summary>Enters a nested evaluation (a templated variable, a block); pair with <see cref="Leave"/>.</summary>
    public void Enter(string what, int line)
    {
        if (_depth >= KollaLimits.TemplateDepth)
        {
            throw new TemplateRuntimeException($"templates are nested more than {KollaLimits.TemplateDepth} deep (evaluating {what})", line);
        }

        EnsureStack(line);
        _peak = Math.Max(_peak, ++_depth);
    }

    public void Leave() => _depth--;

    /// <summary>Starts measuring what a nested evaluation spends (pass the mark to <see cref="SpentSince"/>).</summary>
    public BudgetMark Mark()
    {
        var mark = new BudgetMark(_iterations, _depth, _peak);
        _peak = _depth;
        return mark;
    }

    /// <summary>The loop iterations run and the nesting reached (below the depth at the mark) since <paramref name="mark"/>.</summary>
    public (long Iterations, int Depth) SpentSince(BudgetMark mark)
    {
        var spent = (_iterations - mark.Iterations, _peak - mark.Depth);
        _peak = Math.Max(_peak, mark.Peak);
        return spent;
    }

    /// <summary>Whether an evaluation that spent <paramref name="iterations"/> and nested <paramref name="depth"/> deep fits here.</summary>
    public bool Fits(long iterations, int depth) =>
        _iterations + iterations <= Limits.MaxTemplateLoopIterations && _depth + depth <= KollaLimits.TemplateDepth;

    /// <summary>What is said when the thread's stack runs short.</summary>
    public const string StackMessage = "the template or a value in it is nested too deeply to evaluate on this thread's stack";

    /// <summary>Refuses to go deeper when the thread's stack runs short (deep values, long operator chains).</summary>
    public static void EnsureStack(int line)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new TemplateRuntimeException(StackMessage, line);
        }
    }

    /// <summary>Measures a list just built and refuses it when too large.</summary>
    public ArrayValue Built(ArrayValue list, int line)
    {
        Size(list, line);
        return list;
    }

    /// <summary>Refuses a list holding <paramref name="list"/>'s items <paramref name="times"/> times, before it is built.</summary>
    public void Repeated(ArrayValue list, long times, int line)
    {
        Items(list.Values.Count * times, line);
        var each = Size(list, line) - 2;
        Check(times > 0 && each > (long.MaxValue / 4) / times ? long.MaxValue : (each * times) + 2, line);
    }

    /// <summary>About the length of the value's <c>repr</c> (a dict or scope not built by the template counts as small).</summary>
    /// <exception cref="TemplateRuntimeException">The value is larger than the output limit, or nested deeper than a document may be.</exception>
    public long Size(FluidValue value, int line) => Measure(value, line).Size;

    private (long Size, int Depth) Measure(FluidValue value, int line)
    {
        switch (value)
        {
            case StringValue s:
                return (Math.Max(SmallestItem, s.ToStringValue().Length + 2), 0);
            case ArrayValue or LiteralMappingValue when _sizes.TryGetValue(value, out var known):
                return known;
            case ArrayValue list:
                {
                    EnsureStack(line);
                    var (size, depth) = (2L, 0);
                    foreach (var item in list.Values)
                    {
                        var part = Measure(item, line);
                        (size, depth) = (size + part.Size + 2, Math.Max(depth, part.Depth));
                        Check(size, line);
                    }

                    return Remember(list, size, depth + 1, line);
                }

            case LiteralMappingValue map:
                {
                    EnsureStack(line);
                    var (size, depth) = (2L, 0);
                    foreach (var (key, item) in map.Items(line))
                    {
                        var part = Measure(item, line);
                        (size, depth) = (size + key.Length + 4 + part.Size, Math.Max(depth, part.Depth));
                        Check(size, line);
                    }

                    return Remember(map, size, depth + 1, line);
                }

            default:
                return (SmallestItem, 0);
        }
    }

    private (long Size, int Depth) Remember(FluidValue container, long size, int depth, int line)
    {
        if (depth > KollaLimits.YamlDepth)
        {
            throw new TemplateRuntimeException($"this would build a value nested more than {KollaLimits.YamlDepth} levels deep", line);
        }

        if (size >= RememberedSize)
        {
            _sizes[container] = (size, depth);
        }

        return (size, depth);
    }

    private void Check(long size, int line)
    {
        if (size > Limits.MaxTemplateOutput)
        {
            throw new TemplateRuntimeException(
                $"this would build a value of about {size} characters, more than {Limits.MaxTemplateOutput} (set {KollaLimits.TemplateOutputVariable} to allow more)", line);
        }
    }
}
