namespace Kolla.Compat;

/// <summary>
/// A value that stands for a Python <c>datetime.date</c> or <c>datetime.datetime</c> (the public YAML date and
/// timestamp types), so that dict keys compare and the YAML writer writes it as Python would.
/// </summary>
internal interface IPyTimestamp
{
    /// <summary>The Python value.</summary>
    PyDateTime Python { get; }
}
