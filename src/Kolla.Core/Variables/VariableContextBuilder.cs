namespace Kolla.Variables;

/// <summary>
/// Collects the variable layers of a deployment and builds a <see cref="VariableContext"/> giving each
/// host its merged variables: defaults &lt; globals &lt; group vars &lt; host vars &lt; facts &lt; passwords &lt; extra vars &lt; facts.
/// </summary>
/// <example>
/// <code>
/// var context = new VariableContextBuilder()
///     .AddDefaults(globals.Defaults)
///     .WithGlobals(globals.Variables)
///     .WithInventory(inventory)
///     .WithPasswords(passwords.ToVariables())
///     .Build();
/// var node1 = context.ForHost("node1");
/// </code>
/// </example>
internal sealed class VariableContextBuilder
{
    private readonly List<IReadOnlyDictionary<string, object?>> _defaults = [];
    private readonly List<IReadOnlyDictionary<string, object?>> _extraVars = [];
    private IReadOnlyDictionary<string, object?> _globals = new Dictionary<string, object?>();
    private IReadOnlyDictionary<string, object?> _passwords = new Dictionary<string, object?>();
    private InventoryInput _inventory = new([], new Dictionary<string, IReadOnlyList<string>>());
    private GlobalsPrecedence _precedence = GlobalsPrecedence.BelowInventory;
    private IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> _facts = new Dictionary<string, IReadOnlyDictionary<string, object?>>();

    /// <summary>Adds a defaults layer (service defaults, built-in globals defaults); later calls win.</summary>
    public VariableContextBuilder AddDefaults(IReadOnlyDictionary<string, object?> defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        _defaults.Add(defaults);
        return this;
    }

    /// <summary>Sets the values read from <c>globals.yml</c> (<c>KollaGlobals.Variables</c>).</summary>
    public VariableContextBuilder WithGlobals(IReadOnlyDictionary<string, object?> globals)
    {
        _globals = globals ?? throw new ArgumentNullException(nameof(globals));
        return this;
    }

    /// <summary>Chooses whether globals sit below the inventory (default) or above it as in kolla-ansible.</summary>
    public VariableContextBuilder WithGlobalsPrecedence(GlobalsPrecedence precedence)
    {
        _precedence = precedence;
        return this;
    }

    /// <summary>Sets the inventory: hosts with their merged group and host variables, and the groups.</summary>
    public VariableContextBuilder WithInventory(InventoryInput inventory)
    {
        _inventory = inventory ?? throw new ArgumentNullException(nameof(inventory));
        return this;
    }

    /// <summary>Sets the passwords (as from <c>PasswordStore.ToVariables()</c>).</summary>
    public VariableContextBuilder WithPasswords(IReadOnlyDictionary<string, object?> passwords)
    {
        _passwords = passwords ?? throw new ArgumentNullException(nameof(passwords));
        return this;
    }

    /// <summary>Sets each host's gathered facts (host name to Ansible's <c>ansible_facts</c> mapping, keys without the <c>ansible_</c> prefix).</summary>
    public VariableContextBuilder WithFacts(IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> facts)
    {
        _facts = facts ?? throw new ArgumentNullException(nameof(facts));
        return this;
    }

    /// <summary>Adds extra variables (<c>-e</c>); later calls win.</summary>
    public VariableContextBuilder AddExtraVars(IReadOnlyDictionary<string, object?> extraVars)
    {
        ArgumentNullException.ThrowIfNull(extraVars);
        _extraVars.Add(extraVars);
        return this;
    }

    /// <summary>Builds the context.</summary>
    /// <exception cref="VariableContextException">A duplicate host, or a group naming an unknown host.</exception>
    public VariableContext Build() =>
        new(Merge(_defaults), _globals, _passwords, Merge(_extraVars), _inventory, _precedence, _facts);

    private static Dictionary<string, object?> Merge(List<IReadOnlyDictionary<string, object?>> layers)
    {
        var merged = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            foreach (var (key, value) in layer)
            {
                merged[key] = value;
            }
        }

        return merged;
    }
}
