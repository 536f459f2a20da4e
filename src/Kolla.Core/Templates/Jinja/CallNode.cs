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

                var args = arguments.Evaluate(state, $"function '{name.Name}'", Line);
                var reads = state.TaintReads;
                var result = function(args, state);
                return state.Taint is { } taint ? taint.Derive(result, reads, null, args) : result;
            case GetAttrNode attribute:
                var target = Py.Defined(attribute.Target.Evaluate(state));
                var methodArgs = arguments.Evaluate(state, $"method '{attribute.Name}'", Line);
                var methodReads = state.TaintReads;
                var returned = JinjaMethods.Invoke(target, attribute.Name, methodArgs, state);
                return state.Taint is { } methodTaint ? Taint(methodTaint, target, attribute.Name, methodArgs, methodReads, returned) : returned;
            default:
                throw new TemplateRuntimeException($"'{callee.Describe()}' is not callable", Line);
        }
    }

    public override string Describe() => $"{callee.Describe()}(...)";

    /// <summary>
    /// A method's result: what <c>get</c>, <c>items</c>, <c>values</c> and <c>keys</c> take out of a dict built from values
    /// keeps each element's own taint; any other result is tainted when its target or an argument is.
    /// </summary>
    private static FluidValue Taint(TaintTracker taint, FluidValue target, string method, Arguments args, int reads, FluidValue result)
    {
        if (target is not MappingValue || taint.IsWhole(target) || method is not ("get" or "items" or "values" or "keys"))
        {
            return taint.Derive(result, reads, target, args);
        }

        if (method == "items" && result is ArrayValue pairs)
        {
            foreach (var pair in pairs.Values)
            {
                taint.MarkElements(pair);
            }
        }

        return method == "get" ? result : taint.MarkElements(result);
    }
}
