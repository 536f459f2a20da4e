using System.Globalization;

namespace Kolla;

/// <summary>
/// The bounds Kolla puts on what hostile or broken inputs can cost (docs/limits.md): the size of a document read, the
/// hosts an inventory may hold, and what one template render may produce or loop over. Each of these can be raised with
/// its environment variable (<see cref="FromEnvironment()"/>); the nesting depths are fixed (<see cref="YamlDepth"/> ...).
/// </summary>
internal sealed record KollaLimits
{
    /// <summary>Levels a YAML document may nest, aliases counted where they are used (PyYAML stops near here too).</summary>
    public const int YamlDepth = 512;

    /// <summary>
    /// The size a YAML document's aliases may expand it to, at least (a collection counts 1, a scalar its length; an alias
    /// the whole size of what it stands for): a billion laughs is refused where it is read.
    /// </summary>
    public const long YamlExpandedSize = 1_000_000;

    /// <summary>Aliases may expand a larger document to this many times its own size.</summary>
    public const int YamlExpansionFactor = 10;

    /// <summary>Levels of <c>:children</c> below <c>all</c> (ansible-core 2.14 itself fails past about 950).</summary>
    public const int InventoryGroupDepth = 1000;

    /// <summary>Brackets, unary operators and block tags nested in one template (Jinja2 stops at 69 parentheses).</summary>
    public const int TemplateNesting = 100;

    /// <summary>Templated variables evaluated inside each other, and blocks rendered through <c>super()</c> (Ansible fails past about 130).</summary>
    public const int TemplateDepth = 100;

    /// <summary>Items of a list a template builds with <c>range()</c>, <c>*</c> or <c>+</c>.</summary>
    public const int TemplateListItems = 1_000_000;

    /// <summary>The environment variable that sets <see cref="MaxDocumentBytes"/>.</summary>
    public const string DocumentBytesVariable = "KOLLA_MAX_DOCUMENT_BYTES";

    /// <summary>The environment variable that sets <see cref="MaxInventoryHosts"/>.</summary>
    public const string InventoryHostsVariable = "KOLLA_MAX_INVENTORY_HOSTS";

    /// <summary>The environment variable that sets <see cref="MaxTemplateOutput"/>.</summary>
    public const string TemplateOutputVariable = "KOLLA_MAX_TEMPLATE_OUTPUT";

    /// <summary>The environment variable that sets <see cref="MaxTemplateLoopIterations"/>.</summary>
    public const string TemplateLoopIterationsVariable = "KOLLA_MAX_TEMPLATE_LOOP_ITERATIONS";

    /// <summary>The built-in values.</summary>
    public static KollaLimits Default { get; } = new();

    /// <summary>
    /// Bytes of one input file (YAML documents, inventories, override and merge sources), and characters of one YAML text.
    /// </summary>
    public long MaxDocumentBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Hosts one inventory may hold (host ranges are refused before they are expanded past it).</summary>
    public int MaxInventoryHosts { get; init; } = 100_000;

    /// <summary>Characters of one rendered template, and of any string a template builds on the way.</summary>
    public int MaxTemplateOutput { get; init; } = 16 * 1024 * 1024;

    /// <summary><c>{% for %}</c> iterations of one render, nested loops and the variables it evaluates included.</summary>
    public long MaxTemplateLoopIterations { get; init; } = 10_000_000;

    /// <summary>The limits with each environment variable that is set taking the place of the built-in value.</summary>
    /// <exception cref="KollaLimitsException">A variable is set to something other than a positive integer.</exception>
    public static KollaLimits FromEnvironment() => FromVariables(Environment.GetEnvironmentVariable);

    /// <summary>Like <see cref="FromEnvironment()"/>, reading the variables through <paramref name="variable"/>.</summary>
    /// <exception cref="KollaLimitsException">A variable is set to something other than a positive integer.</exception>
    public static KollaLimits FromVariables(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        return new KollaLimits
        {
            MaxDocumentBytes = Read(variable, DocumentBytesVariable, Default.MaxDocumentBytes, int.MaxValue),
            MaxInventoryHosts = (int)Read(variable, InventoryHostsVariable, Default.MaxInventoryHosts, int.MaxValue),
            MaxTemplateOutput = (int)Read(variable, TemplateOutputVariable, Default.MaxTemplateOutput, int.MaxValue / 2),
            MaxTemplateLoopIterations = Read(variable, TemplateLoopIterationsVariable, Default.MaxTemplateLoopIterations, long.MaxValue),
        };
    }

    /// <summary>A size in bytes as messages show it (<c>16 MiB</c>, <c>1000 bytes</c>).</summary>
    public static string Bytes(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB"
        : bytes >= 1024 && bytes % 1024 == 0 ? $"{bytes / 1024} KiB"
        : $"{bytes} bytes";

    private static long Read(Func<string, string?> variable, string name, long builtIn, long max)
    {
        var text = variable(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return builtIn;
        }

        return long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= max
            ? value
            : throw new KollaLimitsException($"{name} must be a whole number from 1 to {max.ToString(CultureInfo.InvariantCulture)}, not '{text}'");
    }
}
