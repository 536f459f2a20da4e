using Kolla.Changes;
using Kolla.Planning;

namespace Kolla.Tests.Rig;

/// <summary>What a fault may leave in a host's node config directory: whole planned files or none, never a part of one.</summary>
internal static class WholeFiles
{
    /// <summary>
    /// Asserts that every file below the node config directory of <paramref name="host"/> is a config file of
    /// <paramref name="plan"/> with exactly its planned content (first deploys: there is no older content), a configuration
    /// marker, or one of <paramref name="ignored"/>; a temporary file (<c>.NAME.kolla-*</c>) only when
    /// <paramref name="temporaryAllowed"/>. Returns the relative paths of the planned files present.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ShouldBeWholeAsync(
        TestDeployment deployment, DeploymentPlan plan, CancellationToken cancellationToken, string host = "node1", bool temporaryAllowed = false, params string[] ignored)
    {
        var root = deployment.NodeDirectory(host);
        var planned = plan.Hosts.Single(h => h.Host == host).Containers.SelectMany(c => c.Files).ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
        var present = new List<string>();
        if (!Directory.Exists(root))
        {
            return present;
        }

        foreach (var path in Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, path);
            var name = Path.GetFileName(path);
            if (ignored.Contains(relative) || relative.StartsWith(ObservedHostState.StateDirectoryName + "/", StringComparison.Ordinal))
            {
                continue;
            }

            if (planned.TryGetValue(path, out var content))
            {
                var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
                bytes.Length.Should().Be(content.Length, $"{relative} is whole or absent, never cut short");
                bytes.AsSpan().SequenceEqual(content.Span).Should().BeTrue($"{relative} holds exactly its planned content");
                present.Add(relative);
            }
            else if (name.StartsWith('.') && name.Contains(".kolla-", StringComparison.Ordinal))
            {
                temporaryAllowed.Should().BeTrue($"no temporary file is left behind, found {relative}");
            }
            else
            {
                relative.Should().BeNull("nothing but planned files is written to the node config directory");
            }
        }

        return present;
    }

    /// <summary>Asserts that no temporary file (<c>.NAME.kolla-*</c>) is left anywhere below the host's node config directory.</summary>
    public static void ShouldHaveNoTemporaryFile(TestDeployment deployment, string host = "node1") =>
        Directory.EnumerateFiles(deployment.NodeDirectory(host), ".*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(Path.GetFileName)
            .Should().NotContain(n => n!.Contains(".kolla-", StringComparison.Ordinal));
}
