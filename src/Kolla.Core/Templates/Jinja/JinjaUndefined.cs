using System.Globalization;
using System.Text.Encodings.Web;
using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>
/// The value of a name or key that does not exist. Like Ansible's undefined it can be passed on
/// (attribute access, <c>default</c>, <c>is defined</c>) but any other use is an error naming it.
/// </summary>
internal sealed class JinjaUndefined(string name, int line, string? hint = null, bool rendersEmpty = false) : FluidValue
{
    /// <summary>Printed by <c>{{ }}</c> as nothing, as Ansible prints an inline if without else whose test is false.</summary>
    public bool RendersEmpty { get; } = rendersEmpty;

    public string Name { get; } = name;

    public int Line { get; } = line;

    /// <summary>The variable whose value needed the missing name, when there is one.</summary>
    public string? Variable { get; init; }

    public override FluidValues Type => FluidValues.Nil;

    public TemplateRuntimeException Error() =>
        new(hint is null ? $"undefined variable '{Name}'" : $"undefined variable '{Name}': {hint}", Line) { Variable = Variable };

    public override bool IsNil() => true;

    public override bool Equals(FluidValue other) => throw Error();

    public override bool ToBooleanValue() => throw Error();

    public override decimal ToNumberValue() => throw Error();

    public override string ToStringValue() => throw Error();

    public override object ToObjectValue() => throw Error();

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo) => throw Error();

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);
}
