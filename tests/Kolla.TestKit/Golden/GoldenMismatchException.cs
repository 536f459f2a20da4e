namespace Kolla.TestKit.Golden;

/// <summary>Generated output differs from the golden files; the message holds a unified diff per file.</summary>
public sealed class GoldenMismatchException(string message) : Exception(message);
