using System.Globalization;
using System.Text.Encodings.Web;
using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>A compiled template passed as a variable (for <c>{% extends parent_template %}</c>).</summary>
internal sealed class TemplateReferenceValue(CompiledTemplate template) : FluidValue
{
    public CompiledTemplate Template { get; } = template;

    public override FluidValues Type => FluidValues.Object;

    public override bool Equals(FluidValue other) => other is TemplateReferenceValue t && ReferenceEquals(t.Template, Template);

    public override bool ToBooleanValue() => true;

    public override decimal ToNumberValue() => 0;

    public override string ToStringValue() => $"<Template '{Template.FileName}'>";

    public override object ToObjectValue() => Template;

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        writer.Write(ToStringValue());
        return ValueTask.CompletedTask;
    }

    public override bool Equals(object? obj) => obj is FluidValue value && Equals(value);

    public override int GetHashCode() => Template.GetHashCode();
}
