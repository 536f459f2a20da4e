using Fluid.Values;
using Kolla.Compat;

namespace Kolla.Templates.Jinja;

/// <summary>The template side of Ansible-style booleans (<c>| bool</c>).</summary>
internal static class AnsibleBool
{
    public static bool Convert(FluidValue value, Arguments args)
    {
        var native = Py.ToNative(value);
        if (native is null)
        {
            return false;
        }

        if (AnsibleBoolean.TryParse(native, out var result))
        {
            return result;
        }

        throw args.Error($"cannot interpret {Py.Repr(value)} as a boolean (use yes/no, true/false, on/off or 1/0)");
    }
}
