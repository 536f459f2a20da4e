namespace Kolla.Configuration;

/// <summary>
/// Where one service file comes from: the ordered steps kolla-ansible's config task reads for it, relative to the
/// role templates and to <c>node_custom_config</c>.
/// </summary>
/// <param name="File">The file asked for (e.g. <c>nova.conf</c>).</param>
/// <param name="Format">How the sources are parsed.</param>
/// <param name="Mode">Merged in order, or the first existing used whole.</param>
/// <param name="Steps">The steps in order (for <see cref="OverrideMode.Merge"/>, later steps win).</param>
/// <param name="ExtendLists">For YAML merges: kolla passes <c>extend_lists: true</c> (prometheus.yml).</param>
public sealed record OverrideLookup(
    string File, ConfigFileFormat Format, OverrideMode Mode, IReadOnlyList<OverrideStep> Steps, bool ExtendLists = false)
{
    /// <summary>Every candidate of every step, in order (for display; see <see cref="Steps"/> for first-found groups).</summary>
    public IEnumerable<OverrideSource> Candidates => Steps.SelectMany(s => s.Candidates);

    /// <summary>The candidates in the override tree, relative to <c>node_custom_config</c>, in order.</summary>
    public IEnumerable<string> CustomPaths =>
        Candidates.Where(c => c.Kind != OverrideSourceKind.RoleTemplate).Select(c => c.Path);

    /// <summary>
    /// The absolute source paths to merge, in order: ordinary steps are listed even when missing (the merge skips
    /// them), first-found steps give their first existing candidate (or nothing), directory steps give their
    /// matching files in sorted order. For <see cref="OverrideMode.WholeFile"/> the result has at most one path.
    /// </summary>
    public Task<IReadOnlyList<string>> ResolveAsync(
        string nodeCustomConfig, string roleTemplateDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeCustomConfig);
        ArgumentNullException.ThrowIfNull(roleTemplateDirectory);
        var paths = new List<string>();
        foreach (var step in Steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (step.IsFirstFound)
            {
                var found = step.Candidates.Select(c => c.Resolve(nodeCustomConfig, roleTemplateDirectory)).FirstOrDefault(System.IO.File.Exists);
                if (found is not null)
                {
                    paths.Add(found);
                }

                continue;
            }

            var source = step.Candidates[0];
            if (source.Kind == OverrideSourceKind.CustomDirectory)
            {
                var full = source.Resolve(nodeCustomConfig, roleTemplateDirectory);
                var directory = Path.GetDirectoryName(full)!;
                if (Directory.Exists(directory))
                {
                    paths.AddRange(Directory.EnumerateFiles(directory, Path.GetFileName(full)).Order(StringComparer.Ordinal));
                }

                continue;
            }

            paths.Add(source.Resolve(nodeCustomConfig, roleTemplateDirectory));
        }

        if (Mode == OverrideMode.WholeFile && paths.Count > 1)
        {
            paths = paths.Where(System.IO.File.Exists).Take(1).ToList();
        }

        return Task.FromResult<IReadOnlyList<string>>(paths);
    }
}
