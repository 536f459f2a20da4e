using System.Globalization;
using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary><c>target.name</c>: a dict key (or a list index when the name is a number).</summary>
internal sealed class GetAttrNode(JinjaExpression target, string name, int line) : JinjaExpression(line)
{
    public JinjaExpression Target { get; } = target;

    public string Name { get; } = name;

    public override FluidValue Evaluate(RenderState state)
    {
        var value = Target.Evaluate(state);
        switch (value)
        {
            case JinjaUndefined:
                return value;
            case MappingValue mapping when mapping.TryGet(Name, Line, out var item):
                return state.Taint?.Part(value, -1, item) ?? item;
            case ArrayValue array when int.TryParse(Name, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Values.Count:
                return state.Taint?.Part(value, -1, array.Values[index]) ?? array.Values[index];
            default:
                return new JinjaUndefined(Describe(), Line);
        }
    }

    public override string Describe() => $"{Target.Describe()}.{Name}";
}
