namespace Kolla.Variables;

/// <summary>One variable read from a host's scope: its name, whether it exists, and its raw value.</summary>
internal readonly record struct ScopeRead(string Name, bool Found, object? Value);
