using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>
/// A call: a global function (<c>range(3)</c>, <c>kolla_address(host)</c>) or a Python method on a value
/// (<c>d.items()</c>, <c>s.split(',')</c>).
/// </summary>
internal sealed class CallNode(JinjaExpression callee, ArgumentList arguments, int line) : JinjaExpression(line)
{
    public override FluidValue Evaluate(RenderState state)
    {
        switch (callee)
        {
            case NameNode name:
                if (!JinjaFunctions.All.TryGetValue(name.Name, out var function))
                {
                    var value = name.Evaluate(state);
                    throw value is JinjaUndefined undefined
                        ? undefined.Error()
                        : new TemplateRuntimeException($"'{name.Name}' is not a function", Line);
                }

                return function(arguments.Evaluate(state, $"function '{name.Name}'", Line), state);
            case GetAttrNode attribute:
                var target = Py.Defined(attribute.Target.Evaluate(state));
                return JinjaMethods.Invoke(target, attribute.Name, arguments.Evaluate(state, $"method '{attribute.Name}'", Line), state);
            default:
                throw new TemplateRuntimeException($"'{callee.Describe()}' is not callable", Line);
        }
    }

    public override string Describe() => $"{callee.Describe()}(...)";
}
