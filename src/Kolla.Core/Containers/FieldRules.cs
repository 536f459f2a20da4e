using Kolla.Compat;

namespace Kolla.Containers;

/// <summary>kolla_container's per-field comparison rules (reference B 1.5), one method per field.</summary>
internal static class FieldRules
{
    private const string Host = "host";

    public static ContainerDifference? CapAdd(ContainerSpec desired, ContainerState current) =>
        SetRule(ContainerFields.CapAdd, desired.CapAdd, current.CapAdd);

    public static ContainerDifference? SecurityOpt(ContainerSpec desired, ContainerState current)
    {
        if (desired.Privileged || desired.PidMode == Host || desired.IpcMode == Host)
        {
            return null;
        }

        return SetRule(ContainerFields.SecurityOpt, desired.SecurityOpt, current.SecurityOpt);
    }

    public static ContainerDifference? Image(ContainerSpec desired, ContainerState current, ImageState? image)
    {
        var wanted = ImageReference.Parse(desired.Image, ImageReference.LatestTag);
        var differs = image is null
            || !image.RepoTags.Contains(wanted.ToString(), StringComparer.Ordinal)
            || !string.Equals(image.Id, current.ImageId, StringComparison.Ordinal)
            || string.IsNullOrEmpty(current.Image)
            || ImageReference.Parse(current.Image, ImageReference.LatestTag) != wanted;
        return differs
            ? new ContainerDifference(ContainerFields.Image, $"{current.Image} ({current.ImageId})", $"{desired.Image} ({image?.Id ?? "not present"})")
            : null;
    }

    public static ContainerDifference? IpcMode(ContainerSpec desired, ContainerState current)
    {
        if (string.IsNullOrEmpty(desired.IpcMode))
        {
            return null;
        }

        return desired.IpcMode == current.IpcMode
            ? null
            : new ContainerDifference(ContainerFields.IpcMode, NullIfEmpty(current.IpcMode), desired.IpcMode);
    }

    public static ContainerDifference? Labels(ContainerSpec desired, ContainerState current, ImageState? image)
    {
        if (image is null)
        {
            // kolla requires the desired image to be local; without it the image already differs.
            return null;
        }

        var wanted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in desired.Labels.Where(kv => !KollaLabels.IsKollaLabel(kv.Key)))
        {
            wanted[key] = value;
        }

        var actual = current.Labels
            .Where(kv => !KollaLabels.IsKollaLabel(kv.Key))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var differs = false;
        foreach (var (key, imageValue) in image.Labels)
        {
            if (wanted.TryGetValue(key, out var wantedValue))
            {
                differs |= !string.Equals(wantedValue, imageValue, StringComparison.Ordinal);
            }
            else
            {
                actual.Remove(key);
            }
        }

        differs |= actual.Count != wanted.Count
            || actual.Any(kv => !wanted.TryGetValue(kv.Key, out var v) || !string.Equals(v, kv.Value, StringComparison.Ordinal));
        return differs
            ? new ContainerDifference(ContainerFields.Labels, ValueText.Map(actual), ValueText.Map(wanted))
            : null;
    }

    public static ContainerDifference? Privileged(ContainerSpec desired, ContainerState current) =>
        desired.Privileged == current.Privileged
            ? null
            : new ContainerDifference(ContainerFields.Privileged, Bool(current.Privileged), Bool(desired.Privileged));

    public static ContainerDifference? PidMode(ContainerSpec desired, ContainerState current)
    {
        var wanted = desired.PidMode ?? "";
        return wanted == current.PidMode
            ? null
            : new ContainerDifference(ContainerFields.PidMode, NullIfEmpty(current.PidMode), NullIfEmpty(wanted));
    }

    public static ContainerDifference? CgroupnsMode(ContainerSpec desired, ContainerState current)
    {
        if (string.IsNullOrEmpty(desired.CgroupnsMode))
        {
            return null;
        }

        var actual = string.IsNullOrEmpty(current.CgroupnsMode) ? Host : current.CgroupnsMode;
        return desired.CgroupnsMode == actual
            ? null
            : new ContainerDifference(ContainerFields.CgroupnsMode, actual, desired.CgroupnsMode);
    }

    public static ContainerDifference? Tmpfs(ContainerSpec desired, ContainerState current) =>
        SetRule(ContainerFields.Tmpfs, desired.Tmpfs.Where(t => !string.IsNullOrEmpty(t)), current.Tmpfs);

    public static ContainerDifference? Volumes(ContainerSpec desired, ContainerState current)
    {
        var wanted = ContainerVolumes.Parse(desired.Volumes);
        if (ValueText.SetEquals(wanted.Destinations, current.VolumeDestinations) && ValueText.SetEquals(wanted.Binds, current.Binds))
        {
            return null;
        }

        return new ContainerDifference(
            ContainerFields.Volumes,
            $"volumes={ValueText.Set(current.VolumeDestinations)} binds={ValueText.Set(current.Binds)}",
            $"volumes={ValueText.Set(wanted.Destinations)} binds={ValueText.Set(wanted.Binds)}");
    }

    public static ContainerDifference? VolumesFrom(ContainerSpec desired, ContainerState current) =>
        SetRule(ContainerFields.VolumesFrom, desired.VolumesFrom, current.VolumesFrom);

    public static ContainerDifference? Environment(ContainerSpec desired, ContainerState current, string? timeZone)
    {
        var actual = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in current.Environment)
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                actual[entry] = "";
            }
            else
            {
                actual[entry[..eq]] = entry[(eq + 1)..];
            }
        }

        var mismatches = ContainerEnvironment.Build(desired, timeZone)
            .Where(kv => !actual.TryGetValue(kv.Key, out var value) || !string.Equals(value, kv.Value, StringComparison.Ordinal))
            .ToList();
        if (mismatches.Count == 0)
        {
            return null;
        }

        var currentText = mismatches.Select(kv => actual.TryGetValue(kv.Key, out var v) ? $"{kv.Key}={v}" : $"{kv.Key} unset");
        return new ContainerDifference(
            ContainerFields.Environment,
            ValueText.List(currentText),
            ValueText.List(mismatches.Select(kv => $"{kv.Key}={kv.Value}")));
    }

    public static ContainerDifference? State(ContainerSpec desired, ContainerState current) =>
        string.Equals(desired.State, current.Status, StringComparison.Ordinal)
            ? null
            : new ContainerDifference(ContainerFields.ContainerState, current.Status, desired.State);

    public static ContainerDifference? Command(ContainerSpec desired, ContainerState current)
    {
        if (string.IsNullOrEmpty(desired.Command))
        {
            return null;
        }

        var wanted = ShellWords.Split(desired.Command);
        return wanted.SequenceEqual(current.Command, StringComparer.Ordinal)
            ? null
            : new ContainerDifference(ContainerFields.Command, ValueText.List(current.Command), ValueText.List(wanted));
    }

    public static ContainerDifference? Healthcheck(ContainerSpec desired, ContainerState current)
    {
        var wanted = desired.Healthcheck is { IsNone: false } h ? h : null;
        var actual = current.Healthcheck;
        if (wanted is null && actual is null)
        {
            return null;
        }

        if (wanted is not null && actual is not null
            && wanted.Test.SequenceEqual(actual.Test, StringComparer.Ordinal)
            && wanted.IntervalSeconds == actual.IntervalSeconds
            && wanted.TimeoutSeconds == actual.TimeoutSeconds
            && wanted.StartPeriodSeconds == actual.StartPeriodSeconds
            && wanted.Retries == actual.Retries)
        {
            return null;
        }

        return new ContainerDifference(ContainerFields.Healthcheck, Health(actual), Health(wanted));
    }

    private static string? Health(ContainerHealthcheck? h) =>
        h is null
            ? null
            : $"test={ValueText.List(h.Test)} interval={h.IntervalSeconds}s timeout={h.TimeoutSeconds}s start_period={h.StartPeriodSeconds}s retries={h.Retries}";

    private static ContainerDifference? SetRule(string field, IEnumerable<string> desired, IEnumerable<string> current)
    {
        var wanted = desired.ToList();
        var actual = current.ToList();
        return ValueText.SetEquals(wanted, actual) ? null : new ContainerDifference(field, ValueText.Set(actual), ValueText.Set(wanted));
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
