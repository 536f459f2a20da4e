using System.Collections;
using Fluid;
using Fluid.Values;
using Kolla.Compat;
using Kolla.Variables;

namespace Kolla.Templates.Jinja;

/// <summary>
/// Everything a node needs while rendering: the Fluid context (locals from <c>set</c> and loops), the root
/// variable scope, the template's name, and the renderer (filters, lazy evaluation of templated values).
/// </summary>
internal sealed class RenderState
{
    public const string AmbientKey = "kolla.render";

    /// <summary>Lists at least this long are converted once per renderer (see <see cref="ConvertIfPlain"/>).</summary>
    private const int SharedListMinimum = 16;

    private readonly EvaluationCache _cache;

    public RenderState(TemplateRenderer renderer, IVariableScope root, string fileName, EvaluationCache? cache = null)
    {
        Renderer = renderer;
        Root = root;
        FileName = fileName;
        _cache = cache ?? new EvaluationCache(renderer.Limits);
        Context = new TemplateContext(renderer.FluidOptions);
        Context.AmbientValues[AmbientKey] = this;
    }

    public TemplateRenderer Renderer { get; }

    public IVariableScope Root { get; }

    /// <summary>The template whose statements are running (changes while a block from another template renders).</summary>
    public string FileName { get; set; }

    /// <summary>Set by <c>{% extends %}</c>: the parent that renders once this template's top level has run.</summary>
    public CompiledTemplate? Parent { get; set; }

    private Dictionary<string, List<(BlockStatement Block, CompiledTemplate Owner)>>? _blocks;

    private Stack<(string Name, int Index)>? _activeBlocks;

    public TemplateContext Context { get; }

    /// <summary>What this render, and the values it evaluates, may still spend.</summary>
    public RenderBudget Budget => _cache.Budget;

    /// <summary>A writer for text this render produces, refusing more than the output limit.</summary>
    public BoundedStringWriter NewWriter() => new(Budget.Limits.MaxTemplateOutput);

    public static RenderState Get(TemplateContext context) => (RenderState)context.AmbientValues[AmbientKey];

    /// <summary>Which values of this render carry a secret (null while none has been read).</summary>
    public TaintTracker? Taint => _cache.Taint;

    /// <summary><see cref="TaintTracker.Reads"/>, 0 while no secret has been read.</summary>
    public int TaintReads => _cache.Taint?.Reads ?? 0;

    /// <summary>The message with the secrets this render has seen masked (for errors).</summary>
    public string MaskSecrets(string message) => _cache.Taint?.Mask(message) ?? message;

    /// <summary>Resolves a bare name: template locals first, then the root scope.</summary>
    public FluidValue Lookup(string name, int line)
    {
        var local = Context.GetValue(name);
        if (local is not UndefinedValue)
        {
            return local;
        }

        return TryGetFromScope(Root, name, name, line, out var value) ? value : new JinjaUndefined(name, line);
    }

    /// <summary>Reads a variable from a scope, evaluating it if templated (once per render).</summary>
    public bool TryGetFromScope(IVariableScope scope, string name, string path, int line, out FluidValue value)
    {
        if (_cache.Values.TryGetValue((scope, path), out value!))
        {
            _cache.Taint?.Read(value);
            return true;
        }

        if (!scope.TryGetVariable(name, out var raw))
        {
            value = NilValue.Instance;
            return false;
        }

        value = FromNative(raw, scope, path, line);
        _cache.Values[(scope, path)] = value;
        return true;
    }

    /// <summary>Converts a plain .NET value into a template value; templated strings are evaluated in <paramref name="owner"/>.</summary>
    public FluidValue FromNative(object? value, IVariableScope owner, string path, int line) => FromNative(value, owner, path, line, 0, path);

    // depth: lists converted around this one, from the one at `root` (mappings convert their values when read, so
    // they start again at 0).
    private FluidValue FromNative(object? value, IVariableScope owner, string path, int line, int depth, string root)
    {
        switch (value)
        {
            case null:
                return NilValue.Instance;
            case FluidValue fluid:
                return fluid;
            case string s:
                if (Renderer.Options.EvaluateNestedTemplates && TemplateText.IsTemplated(s))
                {
                    return EvaluateLazy(s, owner, path, line);
                }

                var text = new StringValue(s);
                if (Renderer.Options.Secrets is { } secrets && secrets.Contains(s))
                {
                    (_cache.Taint ??= new TaintTracker()).MarkWhole(text);
                }

                return text;
            case bool b:
                return BooleanValue.Create(b);
            case int or long or short or byte or uint or ulong:
                return NumberValue.Create(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture));
            case double d:
                return Py.FromDouble(d);
            case float f:
                return Py.FromDouble(f);
            case decimal m:
                return NumberValue.Create(m);
            case IVariableScope scope:
                return new ScopeMappingValue(scope, this);
            case IReadOnlyDictionary<string, object?> map:
                return new NativeMappingValue(map, owner, path, this);
            case CompiledTemplate template:
                return new TemplateReferenceValue(template);
            case IDictionary dictionary:
                var converted = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (DictionaryEntry entry in dictionary)
                {
                    converted[PyText.Str(entry.Key)] = entry.Value;
                }

                return new NativeMappingValue(converted, owner, path, this);
            case IList { IsReadOnly: true, Count: >= SharedListMinimum } collection when Renderer.SharedLists.GetValue(collection, ConvertIfPlain).Value is { } shared:
                return shared;
            case IEnumerable when depth >= KollaLimits.YamlDepth:
                // A YAML list holding itself through an alias (x: &a [*a]) is nested without end; Ansible fails on it too.
                throw new TemplateRuntimeException($"the value of '{root}' is nested more than {KollaLimits.YamlDepth} levels deep (does it contain itself?)", line);
            case IEnumerable items:
                var list = new List<FluidValue>();
                var index = 0;
                foreach (var item in items)
                {
                    list.Add(FromNative(item, owner, $"{path}[{index}]", line, depth + 1, root));
                    index++;
                }

                var array = new ArrayValue(list);
                _cache.Taint?.MarkElements(array);
                return array;
            default:
                return new StringValue(PyText.Str(value));
        }
    }

    /// <summary>
    /// A read-only list of plain values (strings without templates, numbers, booleans, nulls), such as a group's hosts,
    /// converted once and shared by every render (no template operation mutates a list). Without this,
    /// every <c>groups['compute']</c> of every host would copy the whole group (hosts² work on a large inventory).
    /// </summary>
    private SharedList ConvertIfPlain(object items)
    {
        var list = new List<FluidValue>(((ICollection)items).Count);
        foreach (var item in (IEnumerable)items)
        {
            var plain = item switch
            {
                null or bool or int or long or short or byte or uint or ulong or double or float or decimal => true,
                // A secret must be converted per render, where its taint is followed.
                string s => !(Renderer.Options.EvaluateNestedTemplates && TemplateText.IsTemplated(s)) && Renderer.Options.Secrets?.Contains(s) != true,
                _ => false,
            };
            if (!plain)
            {
                return SharedList.NotShared;
            }

            list.Add(FromNative(item, Root, "", 0));
        }

        var shared = new ArrayValue(list);
        Renderer.IndexSharedList(shared);
        return new SharedList(shared);
    }

    /// <summary>True while the variable's own template is being evaluated (so a lookup of it would loop).</summary>
    public bool IsEvaluating(IVariableScope scope, string path) => _cache.InProgress.Contains((RecordingScope.Unwrap(scope), "=" + path));

    /// <summary>Evaluates a templated variable value against the scope it belongs to.</summary>
    public FluidValue EvaluateLazy(string text, IVariableScope owner, string path, int line)
    {
        var key = (owner, "=" + path);
        if (_cache.Values.TryGetValue(key, out var cached))
        {
            _cache.Taint?.Read(cached);
            return cached;
        }

        // By the variables the scope holds: a shared value is evaluated on a recording of its owner (see EvaluateShared).
        var evaluating = (RecordingScope.Unwrap(owner), key.Item2);
        if (!_cache.InProgress.Add(evaluating))
        {
            throw new TemplateRuntimeException($"recursive loop detected while evaluating '{path}'", line);
        }

        Budget.Enter($"'{path}'", line);
        try
        {
            var result = Renderer.Options.ShareValues ? EvaluateShared(text, owner, path, line) : Evaluate(Renderer.CompileValue(text), owner, path, line);
            _cache.Values[key] = result;
            return result;
        }
        catch (TemplateException ex)
        {
            // The value's own template does not parse (or extends one that does not).
            var error = new TemplateRuntimeException(ex.Reason, line) { Variable = ex.Variable };
            error.InValueOf(path, line);
            throw error;
        }
        catch (TemplateRuntimeException ex) when (ex.InValueOf(path, line))
        {
            // Never entered: the filter moves the error to where the variable is used and lets it rise.
            throw;
        }
        finally
        {
            _cache.InProgress.Remove(evaluating);
            Budget.Leave();
        }
    }

    /// <summary>
    /// Evaluates a templated value once for every render that agrees on the variables its evaluation reads from the owner,
    /// including those the values it uses read (they are evaluated on the same recording, or their kept reads are read
    /// again through it), so a value that reads a host's name or address is evaluated per host and one that reads only
    /// group or global variables once. A render that reuses a value is tainted and charged as if it had evaluated it; one
    /// whose budget it would exceed evaluates it instead, and fails as it always did.
    /// </summary>
    private FluidValue EvaluateShared(string text, IVariableScope owner, string path, int line)
    {
        var (compiled, shared) = Renderer.SharedValues(text);
        var computed = false;
        var kept = shared.GetOrCompute(
            owner,
            scope =>
            {
                computed = true;
                var taintBefore = _cache.Taint?.Position ?? default;
                var mark = Budget.Mark();
                FluidValue value;
                (long Iterations, int Depth) spent;
                try
                {
                    value = Evaluate(compiled, scope, path, line);
                }
                finally
                {
                    spent = Budget.SpentSince(mark);
                }

                var taint = _cache.Taint?.Since(taintBefore);
                return new SharedValue(value, taint is { IsEmpty: false } ? taint : null, spent.Iterations, spent.Depth);
            },
            value => value.CanShare);
        if (computed)
        {
            return kept.Value;
        }

        if (!Budget.Fits(kept.Iterations, kept.Depth))
        {
            return Evaluate(compiled, owner, path, line);
        }

        Budget.Iterations(kept.Iterations, line);
        if (kept.Taint is { } replay)
        {
            (_cache.Taint ??= new TaintTracker()).Replay(replay);
        }

        return kept.Value;
    }

    private FluidValue Evaluate(CompiledTemplate compiled, IVariableScope owner, string path, int line)
    {
        var nested = new RenderState(Renderer, owner, compiled.FileName, _cache);
        if (compiled.SingleExpression is { } expression)
        {
            var result = expression.Evaluate(nested);
            return result is JinjaUndefined undefined
                ? new JinjaUndefined(undefined.Name, line, $"needed by the value of '{path}'") { Variable = undefined.Variable ?? path }
                : result;
        }

        var rendered = new StringValue(compiled.RenderToString(nested, out var spans));
        return spans is null ? rendered : _cache.Taint!.MarkSpans(rendered, spans);
    }

    /// <summary>Adds a template's block definitions behind those of the templates that extend it.</summary>
    public void AddBlocks(CompiledTemplate template)
    {
        if (template.Blocks.Count == 0)
        {
            return;
        }

        foreach (var (name, block) in template.Blocks)
        {
            _blocks ??= new Dictionary<string, List<(BlockStatement, CompiledTemplate)>>(StringComparer.Ordinal);
            if (!_blocks.TryGetValue(name, out var chain))
            {
                _blocks[name] = chain = [];
            }

            chain.Add((block, template));
        }
    }

    /// <summary>Renders definition <paramref name="index"/> of a block (0 = the most derived one).</summary>
    public void RenderBlock(string name, int index, TextWriter writer, int line)
    {
        if (_blocks is null || !_blocks.TryGetValue(name, out var chain) || index >= chain.Count)
        {
            throw new TemplateRuntimeException($"block '{name}' has no parent definition for super()", line);
        }

        var (block, owner) = chain[index];
        var file = FileName;
        Budget.Enter($"block '{name}'", line);
        _activeBlocks ??= new Stack<(string, int)>();
        _activeBlocks.Push((name, index));
        FileName = owner.FileName;
        try
        {
            block.RenderBody(writer, this);
        }
        finally
        {
            FileName = file;
            _activeBlocks.Pop();
            Budget.Leave();
        }
    }

    /// <summary><c>super()</c>: the next definition of the block being rendered.</summary>
    public FluidValue RenderSuper(int line)
    {
        if (_activeBlocks is null || _activeBlocks.Count == 0)
        {
            throw new TemplateRuntimeException("super() is only available inside a block", line);
        }

        var (name, index) = _activeBlocks.Peek();
        using var writer = NewWriter();
        RenderBlock(name, index + 1, writer, line);
        var text = new StringValue(writer.ToString());
        return _cache.Taint?.TakeWritten(writer) is { } spans ? _cache.Taint.MarkSpans(text, spans) : text;
    }
}
