using System.Text.RegularExpressions;

namespace Kolla.Images;

/// <summary>Turns rendered images and a selection into an ordered <see cref="BuildPlan"/>.</summary>
public static class BuildPlanner
{
    /// <summary>Renders the tree and plans the selected images.</summary>
    /// <exception cref="ImageBuildException">A template fails, a parent is unknown, parents form a cycle, or the selection is invalid.</exception>
    public static BuildPlan Plan(ImageTree tree, ImageBuildSettings settings, ImageSelection selection, IReadOnlyList<TemplateOverride>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var images = new ImageRenderer(tree, settings, overrides).RenderAll();
        return Plan(images, tree.Profiles, selection);
    }

    /// <summary>Plans already rendered images.</summary>
    /// <exception cref="ImageBuildException">Parents form a cycle, or the selection is invalid.</exception>
    public static BuildPlan Plan(IReadOnlyList<RenderedImage> images, IReadOnlyDictionary<string, IReadOnlyList<string>> profiles, ImageSelection selection)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(selection);
        var byName = images.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var depths = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var image in images)
        {
            depths[image.Name] = DepthOf(image, byName);
        }

        var selected = Select(images, profiles, selection);
        var steps = images.Where(i => selected.Contains(i.Name))
            .OrderBy(i => depths[i.Name]).ThenBy(i => i.Name, StringComparer.Ordinal)
            .Select(i => new BuildStep(i, depths[i.Name]))
            .ToList();
        var notMatched = images.Select(i => i.Name).Where(n => !selected.Contains(n)).Order(StringComparer.Ordinal).ToList();
        return new BuildPlan(steps, notMatched);
    }

    /// <summary>The names a selection picks, with all their ancestors.</summary>
    /// <exception cref="ImageBuildException">An invalid pattern or an unknown profile.</exception>
    public static HashSet<string> Select(IReadOnlyList<RenderedImage> images, IReadOnlyDictionary<string, IReadOnlyList<string>> profiles, ImageSelection selection)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(selection);
        var patterns = new List<string>(selection.Patterns);
        if (selection.Profile is { } profile)
        {
            if (!profiles.TryGetValue(profile, out var list))
            {
                throw new ImageBuildException("--profile", 0, $"unknown profile '{profile}' (known: {string.Join(", ", profiles.Keys.Order(StringComparer.Ordinal))})");
            }

            patterns.AddRange(list);
        }

        var byName = images.ToDictionary(i => i.Name, StringComparer.Ordinal);
        if (patterns.Count == 0 && selection.Profile is null)
        {
            return byName.Keys.ToHashSet(StringComparer.Ordinal);
        }

        var regexes = patterns.Select(Compile).ToList();
        var selected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var image in images.Where(i => regexes.Any(r => r.IsMatch(i.Name))))
        {
            for (var current = image; current is not null && selected.Add(current.Name); current = current.Parent is null ? null : byName[current.Parent])
            {
            }
        }

        return selected;
    }

    private static Regex Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            throw new ImageBuildException(null, 0, $"invalid image pattern '{pattern}': {ex.Message}");
        }
    }

    private static int DepthOf(RenderedImage image, Dictionary<string, RenderedImage> byName)
    {
        var chain = new List<string> { image.Name };
        var current = image;
        while (current.Parent is { } parent)
        {
            if (chain.Contains(parent))
            {
                chain.Add(parent);
                throw new ImageBuildException(image.TemplatePath, image.FromLine,
                    $"images form a cycle: {string.Join(" -> ", chain)} (rendered Dockerfile line {image.FromLine})");
            }

            chain.Add(parent);
            current = byName.TryGetValue(parent, out var next)
                ? next
                : throw new ImageBuildException(current.TemplatePath, current.FromLine, $"FROM {current.From}: image '{parent}' is not in the tree");
        }

        return chain.Count - 1;
    }
}
