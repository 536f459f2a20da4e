using Kolla.Containers;
using Kolla.Planning;
using Kolla.Services;

namespace Kolla.Changes;

/// <summary>
/// Decides, from state alone, what must change for a container to match its plan: files to write or delete,
/// volumes, images, one-shots, and create / recreate / restart / start / nothing.
/// </summary>
/// <remarks>
/// Restarts are derived from state (the configuration a container was started with is recorded on the host), not
/// from "a file changed in this run", so a rerun after a failed run still restarts what it must, and a container
/// is restarted at most once per run. Containers without Kolla's labels (created by kolla-ansible) are compared
/// field by field as kolla_container does and adopted without a restart when their files already match.
/// </remarks>
internal sealed class ChangeCalculator
{
    private readonly HashSet<string> _volumes;
    private readonly HashSet<string> _images = new(StringComparer.Ordinal);
    private readonly ObservedHostState _state;

    /// <summary>The observed state the calculator started from.</summary>
    public ObservedHostState State => _state;

    /// <summary>Creates a calculator for one host's observed state.</summary>
    public ChangeCalculator(ObservedHostState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _state = state;
        _volumes = new HashSet<string>(state.Volumes, StringComparer.Ordinal);
    }

    /// <summary>The changes for one container, in the order they must run. Volumes and images already ensured earlier in the run are not repeated.</summary>
    public IReadOnlyList<HostChange> For(ContainerPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var name = plan.Spec.Name;
        var changes = new List<HostChange>();
        var filesChanged = false;
        var planned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in plan.Files)
        {
            planned.Add(file.Path);
            var current = _state.Files.GetValueOrDefault(file.Path);
            if (current is null || current.Sha256 != file.Sha256 || current.Mode != file.Mode)
            {
                changes.Add(new WriteFileChange(name, file, current));
                filesChanged |= current is null || current.Sha256 != file.Sha256;
            }
        }

        var prefix = plan.ConfigDirectory + "/";
        foreach (var stale in _state.Files.Keys.Where(p => p.StartsWith(prefix, StringComparison.Ordinal) && !planned.Contains(p)).Order(StringComparer.Ordinal))
        {
            changes.Add(new DeleteFileChange(name, stale));
            filesChanged = true;
        }

        foreach (var volume in NamedVolumes(plan).Where(_volumes.Add))
        {
            changes.Add(new CreateVolumeChange(volume));
        }

        var image = _state.Images.GetValueOrDefault(plan.Spec.Image);
        if (image is null && _images.Add(plan.Spec.Image))
        {
            changes.Add(new PullImageChange(plan.Spec.Image));
        }

        var observed = _state.Containers.GetValueOrDefault(name);
        if (observed is null)
        {
            changes.AddRange(plan.Bootstraps.Select(b => new RunBootstrapChange(name, b)));
            changes.Add(new CreateContainerChange(plan));
            changes.Add(new RecordConfigChange(plan));
            return changes;
        }

        var differences = Differences(plan, observed, image);
        if (differences.Count > 0)
        {
            if (differences.Any(d => d.Field == ContainerFields.Image))
            {
                changes.AddRange(plan.Bootstraps.Select(b => new RunBootstrapChange(name, b)));
            }

            changes.Add(new RecreateContainerChange(plan, differences));
            changes.Add(new RecordConfigChange(plan));
            return changes;
        }

        var applied = _state.AppliedConfigHash(name) ?? observed.Labels.GetValueOrDefault(KollaLabels.ConfigHash);
        if (applied is null && !filesChanged)
        {
            // Adopted (kolla-ansible created it, files already match): remember, do not restart.
            changes.Add(new RecordConfigChange(plan));
        }
        else if (filesChanged || applied != plan.ConfigHash)
        {
            if (plan.Restart == RestartStrategy.SpecChangeOnly)
            {
                changes.Add(new HeldRestartChange(plan));
            }
            else
            {
                changes.Add(new RestartContainerChange(plan, filesChanged ? "its configuration changed" : "its configuration changed in an earlier run"));
                changes.Add(new RecordConfigChange(plan));
            }
        }
        else if (observed.Status != "running")
        {
            changes.Add(new StartContainerChange(plan));
        }

        return changes;
    }

    /// <summary>
    /// The spec hash decides for containers Kolla created, kolla's field comparison for adopted ones. When the hash
    /// differs, the field comparison names what changed (an image change then also runs the bootstraps). A container
    /// whose image tag now points to another local image (pulled since) differs in its image even when the hash matches.
    /// The time zone is the container's own (it is injected per host, not part of the spec).
    /// </summary>
    private static IReadOnlyList<ContainerDifference> Differences(ContainerPlan plan, ContainerState observed, ImageState? image)
    {
        var spec = plan.Spec;
        var differences = observed.Labels.ContainsKey(KollaLabels.SpecHash)
            ? ContainerComparer.CompareByHash(plan.SpecHash, observed)
            : ContainerComparer.CompareFields(spec, observed, Context(observed, image));
        if (differences is [{ Field: ContainerFields.SpecHash }])
        {
            var fields = ContainerComparer.CompareFields(spec, observed, Context(observed, image));
            return fields.Count > 0 ? fields : differences;
        }

        if (differences.Count == 0 && image is not null && !string.Equals(image.Id, observed.ImageId, StringComparison.Ordinal))
        {
            return [new ContainerDifference(ContainerFields.Image, $"{observed.Image} ({observed.ImageId})", $"{spec.Image} ({image.Id})")];
        }

        return differences;
    }

    // Built only when fields are compared (a matching spec hash needs none).
    private static ContainerComparisonContext Context(ContainerState observed, ImageState? image) => new()
    {
        DesiredImage = image,
        TimeZone = observed.Environment.FirstOrDefault(e => e.StartsWith("TZ=", StringComparison.Ordinal))?[3..],
    };

    private static IEnumerable<string> NamedVolumes(ContainerPlan plan) =>
        plan.Spec.Volumes.Concat(plan.Bootstraps.SelectMany(b => b.Spec.Volumes))
            .Select(v => v.Split(':')[0])
            .Where(source => source.Length > 0 && !source.Contains('/', StringComparison.Ordinal));
}
