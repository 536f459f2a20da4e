namespace Kolla.Templates;

/// <summary>Finds a template's source by name, for <c>{% extends 'name' %}</c> (Jinja's loader).</summary>
internal interface ITemplateLoader
{
    /// <summary>Returns the source of the named template, or null when there is none.</summary>
    /// <param name="name">The name the template gave to <c>extends</c>.</param>
    string? Load(string name);
}
