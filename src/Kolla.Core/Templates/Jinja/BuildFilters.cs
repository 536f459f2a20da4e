using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>
/// kolla-build's filter for operator-customisable lists: <c>nova_compute_packages | customizable('packages')</c>.
/// </summary>
/// <remarks>
/// For the image being rendered (<c>image_name</c>, dashes as underscores), a variable
/// <c>&lt;image&gt;_&lt;kind&gt;_override</c> replaces the list, then <c>_append</c> adds to it and
/// <c>_remove</c> drops items (every occurrence). The variables come from the template's scope: a
/// <c>{% set %}</c> in an operator's template override, or the build's extra values.
/// </remarks>
internal static class BuildFilters
{
    public static void Register(Dictionary<string, JinjaFilter> filters) => filters["customizable"] = new(Customizable);

    private static FluidValue Customizable(FluidValue input, Arguments args, RenderState state)
    {
        var kind = Py.Str(args.Required(0, "kind"));
        var image = state.Lookup("image_name", args.Line);
        if (image is JinjaUndefined)
        {
            throw args.Error("needs 'image_name' (only kolla build templates have it)");
        }

        var prefix = $"{Py.Str(image).Replace('-', '_')}_{kind}_";
        var items = Py.Iterate(input, args.Line).ToList();
        if (state.Lookup(prefix + "override", args.Line) is var replacement and not JinjaUndefined)
        {
            items = Py.Iterate(replacement, args.Line).ToList();
        }

        if (state.Lookup(prefix + "append", args.Line) is var extra and not JinjaUndefined)
        {
            items.AddRange(Py.Iterate(extra, args.Line));
        }

        if (state.Lookup(prefix + "remove", args.Line) is var removed and not JinjaUndefined)
        {
            var drop = Py.Iterate(removed, args.Line);
            items.RemoveAll(item => drop.Any(d => Py.Equal(d, item)));
        }

        return new ArrayValue(items);
    }
}
