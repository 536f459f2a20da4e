namespace Kolla.Variables;

/// <summary>
/// A set of named variables a template is rendered against: one host's variables, or any dictionary.
/// </summary>
/// <remarks>
/// String values that contain Jinja (<c>{{ }}</c>, <c>{% %}</c>) are evaluated lazily against the scope
/// they were found in, as Ansible does, so <c>hostvars[h].x</c> is computed with host <c>h</c>'s variables.
/// </remarks>
public interface IVariableScope
{
    /// <summary>Names of every variable in the scope (order is the scope's own).</summary>
    IEnumerable<string> VariableNames { get; }

    /// <summary>Looks a variable up; the value is raw (templated strings are not evaluated).</summary>
    /// <param name="name">The variable name.</param>
    /// <param name="value">Its raw value: null, string, bool, long, double, a list, a dictionary or another scope.</param>
    bool TryGetVariable(string name, out object? value);
}
