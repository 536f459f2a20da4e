using System.Collections.Concurrent;
using Fluid;
using Fluid.Values;
using Kolla.Templates.Jinja;
using Kolla.Variables;

namespace Kolla.Templates;

/// <summary>
/// Renders kolla-style Jinja2 templates strictly: an undefined variable, an unknown filter or a bad input
/// is a <see cref="TemplateException"/> naming the template and line, never an empty string.
/// </summary>
/// <remarks>
/// Jinja2 syntax is parsed by Kolla's own front end and executed on Fluid's runtime with Python value
/// semantics; see <c>docs/adr/0001-template-engine.md</c> for the supported subset. Thread-safe.
/// </remarks>
internal sealed class TemplateRenderer
{
    private readonly ConcurrentDictionary<string, CompiledTemplate> _valueTemplates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CompiledTemplate> _expressions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CompiledTemplate> _texts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _derived = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (CompiledTemplate Compiled, ScopeMemo<SharedValue> Values)> _sharedValues = new(StringComparer.Ordinal);

    /// <summary>Creates a renderer.</summary>
    public TemplateRenderer(TemplateRendererOptions? options = null)
    {
        Options = options ?? new TemplateRendererOptions();
        Limits = Options.Limits ?? KollaLimits.FromEnvironment();
    }

    /// <summary>The options in use.</summary>
    public TemplateRendererOptions Options { get; }

    /// <summary>The limits every render of this renderer keeps to (docs/limits.md).</summary>
    internal KollaLimits Limits { get; }

    /// <summary>Fluid runtime options (no encoding, invariant culture).</summary>
    internal TemplateOptions FluidOptions { get; } = new() { Trimming = TrimmingFlags.None, Greedy = false };

    /// <summary>Parses a template.</summary>
    /// <param name="source">The template text.</param>
    /// <param name="fileName">The name errors report (the template's path).</param>
    /// <exception cref="TemplateException">A syntax error, unknown filter or unsupported tag, with its line.</exception>
    public CompiledTemplate Compile(string source, string fileName)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(fileName);
        // Jinja drops one final newline before parsing; Ansible then pads the result back to the source's count of
        // final newlines (its templar's preserve_trailing_newlines), so a value that ends with a newline is not doubled.
        var trailingNewlines = Options.PadTrailingNewlines ? TrailingNewlines(source) : 0;
        if (!Options.KeepTrailingNewline && source.EndsWith('\n'))
        {
            source = source[..^(source.EndsWith("\r\n", StringComparison.Ordinal) ? 2 : 1)];
        }

        try
        {
            var tokens = new JinjaLexer(source, Options).Tokenize();
            var parser = new JinjaParser(tokens);
            var statements = parser.ParseTemplate();
            return new CompiledTemplate(this, fileName, statements, parser.Blocks) { TrailingNewlines = trailingNewlines };
        }
        catch (TemplateSyntaxError ex)
        {
            throw new TemplateException(fileName, ex.Line, ex.Message);
        }
    }

    /// <summary>How many newlines (<c>\n</c> or <c>\r\n</c>) end the text.</summary>
    internal static int TrailingNewlines(string text)
    {
        var count = 0;
        var end = text.Length;
        while (end > 0 && text[end - 1] == '\n')
        {
            count++;
            end -= end > 1 && text[end - 2] == '\r' ? 2 : 1;
        }

        return count;
    }

    /// <summary>Parses and renders a template in one go.</summary>
    /// <exception cref="TemplateException">A syntax or render error, with file and line.</exception>
    public string Render(string source, string fileName, IVariableScope variables) => Compile(source, fileName).Render(variables);

    /// <summary>
    /// Like <see cref="Render(string, string, IVariableScope)"/>, but parses each distinct <paramref name="source"/> once
    /// per renderer: for short texts rendered for many hosts (catalogue fields). Errors name <paramref name="fileName"/>.
    /// </summary>
    internal string RenderCached(string source, string fileName, IVariableScope variables)
    {
        if (!_texts.TryGetValue(source, out var compiled))
        {
            compiled = _texts.GetOrAdd(source, Compile(source, fileName));
        }

        return compiled.RenderAndRecord(new RenderState(this, variables, fileName));
    }

    /// <summary>Reads, parses and renders a template file.</summary>
    /// <exception cref="TemplateException">A syntax or render error, with file and line.</exception>
    public async Task<string> RenderFileAsync(string path, IVariableScope variables, CancellationToken cancellationToken = default)
    {
        string source;
        try
        {
            source = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TemplateException(path, 0, $"cannot read the template: {ex.Message}");
        }

        return Render(source, path, variables);
    }

    /// <summary>
    /// Returns a variable's value with every templated string in it evaluated (lists and dicts deeply),
    /// as Ansible would see it. A nested variable scope (such as <c>hostvars</c>) is returned as is.
    /// </summary>
    /// <exception cref="TemplateException">The variable is undefined or its template fails; the file is <c>variable 'name'</c>.</exception>
    public object? ResolveVariable(IVariableScope variables, string name)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var state = new RenderState(this, variables, $"variable '{name}'");
        return Guard(state, () => Recorded(state, Py.Defined(state.Lookup(name, 1))));
    }

    /// <summary>Like <see cref="ResolveVariable"/>, but returns false when the variable does not exist.</summary>
    /// <exception cref="TemplateException">The variable exists but its template fails.</exception>
    public bool TryResolveVariable(IVariableScope variables, string name, out object? value)
    {
        ArgumentNullException.ThrowIfNull(variables);
        value = null;
        if (!variables.TryGetVariable(name, out _))
        {
            return false;
        }

        value = ResolveVariable(variables, name);
        return true;
    }

    /// <summary>Evaluates one Jinja expression (for example <c>enable_nova | bool</c>) to a plain value.</summary>
    /// <exception cref="TemplateException">A syntax or evaluation error.</exception>
    public object? EvaluateExpression(string expression, IVariableScope variables, string sourceName = "expression")
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (!_expressions.TryGetValue(expression, out var compiled))
        {
            compiled = _expressions.GetOrAdd(expression, Compile("{{ " + expression + " }}", sourceName));
        }

        var state = new RenderState(this, variables, sourceName);
        return Guard(state, () => Recorded(state, Py.Defined(compiled.SingleExpression!.Evaluate(state))));
    }

    /// <summary>
    /// Texts computed from a secret by the renders so far (<see cref="TemplateRendererOptions.Secrets"/>): what to mask,
    /// besides the secrets themselves, wherever rendered output is shown to people. Each is at least
    /// <see cref="TemplateSecrets.MinimumLength"/> long; a shorter one is recorded as the whole line it was written on.
    /// </summary>
    internal IReadOnlyCollection<string> DerivedSecrets => [.. _derived.Keys];

    /// <summary>Records the parts of a rendered text that carry a secret.</summary>
    internal void RecordDerived(string text, IReadOnlyList<TaintSpan> spans) => RecordDerived(SecretPieces.Of(text, spans, Options.Secrets));

    private void RecordDerived(List<string> pieces)
    {
        foreach (var piece in pieces)
        {
            _derived.TryAdd(piece, 0);
        }
    }

    /// <summary>A value handed back as a plain value: records its strings that carry a secret, then converts it.</summary>
    private object? Recorded(RenderState state, FluidValue value)
    {
        if (state.Taint is { } taint)
        {
            RecordDerived(taint.PiecesOf(value, Options.Secrets));
        }

        return Py.ToNative(value);
    }

    private static object? Guard(RenderState state, Func<object?> evaluate)
    {
        try
        {
            return evaluate();
        }
        catch (TemplateRuntimeException ex)
        {
            throw ex.ToTemplateException(state.FileName, state);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or InvalidCastException or ArgumentException
            or System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            throw new TemplateException(state.FileName, 1, state.MaskSecrets(ex.Message));
        }
    }

    /// <summary>Loads and compiles a template named by <c>{% extends 'name' %}</c> through <see cref="TemplateRendererOptions.Loader"/>.</summary>
    internal CompiledTemplate Load(string name, int line)
    {
        var source = Options.Loader?.Load(name)
            ?? throw new TemplateRuntimeException(
                Options.Loader is null ? $"cannot load template '{name}': no template loader is configured" : $"template '{name}' not found", line);
        return Compile(source, name);
    }

    /// <summary>Long lists of plain values converted once per renderer (keyed by the input list object).</summary>
    internal System.Runtime.CompilerServices.ConditionalWeakTable<object, SharedList> SharedLists { get; } = new();

    // The texts of each shared list, for `in`: a text equals only a text (Python's 'a' == 1 is False).
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<ArrayValue, HashSet<string>> _sharedTexts = new();

    /// <summary>Indexes the texts of a shared list of plain values (see <see cref="SharedTexts"/>).</summary>
    internal void IndexSharedList(ArrayValue list) =>
        _sharedTexts.TryAdd(list, list.Values.OfType<StringValue>().Select(s => s.ToStringValue()).ToHashSet(StringComparer.Ordinal));

    /// <summary>The texts of <paramref name="list"/> when it is a shared list of plain values, else null.</summary>
    internal HashSet<string>? SharedTexts(ArrayValue list) => _sharedTexts.TryGetValue(list, out var texts) ? texts : null;

    /// <summary>Compiles (once) a templated variable value.</summary>
    internal CompiledTemplate CompileValue(string text)
    {
        if (_valueTemplates.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var compiled = Compile(text, "value");
        return _valueTemplates.GetOrAdd(text, compiled);
    }

    /// <summary>
    /// A templated variable value compiled (once), with its evaluated values kept for reuse between renders by the
    /// variables each evaluation read (<see cref="TemplateRendererOptions.ShareValues"/>).
    /// </summary>
    internal (CompiledTemplate Compiled, ScopeMemo<SharedValue> Values) SharedValues(string text)
    {
        if (_sharedValues.TryGetValue(text, out var shared))
        {
            return shared;
        }

        var compiled = CompileValue(text);
        return _sharedValues.GetOrAdd(text, _ => (compiled, new ScopeMemo<SharedValue>()));
    }
}
