namespace Kolla.Configuration;

/// <summary>
/// Turns a source's text into the text to merge, e.g. by rendering it as a template
/// (kolla-ansible runs every merge source through Jinja first).
/// </summary>
/// <param name="name">The source name (file path).</param>
/// <param name="text">The text as read.</param>
/// <returns>The rendered text.</returns>
public delegate string ConfigSourceRenderer(string name, string text);
