using BenchmarkDotNet.Attributes;
using Kolla.Containers;

namespace Kolla.Benchmarks;

/// <summary>
/// The in-process plan+diff core for 1,000 containers: canonical spec hash compared with each container's label
/// (containers we created), and kolla's field-by-field comparison (adopting kolla-ansible containers).
/// Run: dotnet run -c Release --project bench/Kolla.Benchmarks -- --filter '*ContainerCompare*'
/// </summary>
[MemoryDiagnoser]
public class ContainerCompareBenchmarks
{
    private const int Count = 1000;
    private ContainerSpec[] _specs = [];
    private ContainerState[] _labelled = [];
    private ContainerState[] _adopted = [];
    private ContainerComparisonContext _context = ContainerComparisonContext.Default;

    [GlobalSetup]
    public void Setup()
    {
        var image = new ImageState("sha256:feed", ["quay.io/openstack.kolla/nova-compute:2025.1"], new Dictionary<string, string> { ["kolla_version"] = "19.0.0" });
        _context = new ContainerComparisonContext { DesiredImage = image, TimeZone = "UTC" };
        _specs = [.. Enumerable.Range(0, Count).Select(Spec)];
        _labelled = [.. _specs.Select(s => State(s, image) with { Labels = new Dictionary<string, string> { [KollaLabels.SpecHash] = s.ComputeHash() } })];
        _adopted = [.. _specs.Select(s => State(s, image))];
        if (_specs.Zip(_adopted).Any(p => ContainerComparer.CompareFields(p.First, p.Second, _context).Count != 0))
        {
            throw new InvalidOperationException("benchmark states must match their specs");
        }
    }

    [Benchmark(Description = "hash + compare by label, 1,000 containers")]
    public int HashAndCompareByLabel()
    {
        var changed = 0;
        for (var i = 0; i < _specs.Length; i++)
        {
            changed += ContainerComparer.CompareByHash(_specs[i], _labelled[i]).Count;
        }

        return changed;
    }

    [Benchmark(Description = "kolla field comparison (adoption), 1,000 containers")]
    public int CompareFields()
    {
        var changed = 0;
        for (var i = 0; i < _specs.Length; i++)
        {
            changed += ContainerComparer.CompareFields(_specs[i], _adopted[i], _context).Count;
        }

        return changed;
    }

    private static ContainerSpec Spec(int i) => new()
    {
        Name = $"service_{i:D4}",
        Image = "quay.io/openstack.kolla/nova-compute:2025.1",
        Environment = [new("KOLLA_CONFIG_STRATEGY", "COPY_ALWAYS"), new("KOLLA_SERVICE_INDEX", i.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        Volumes =
        [
            $"/etc/kolla/service_{i:D4}/:/var/lib/kolla/config_files/:ro",
            "/etc/localtime:/etc/localtime:ro",
            "/etc/timezone:/etc/timezone:ro",
            "kolla_logs:/var/log/kolla/",
            "/lib/modules:/lib/modules:ro",
            "/run:/run:shared",
            "/dev:/dev",
            "",
        ],
        CapAdd = ["NET_ADMIN", "SYS_TIME"],
        SecurityOpt = ["apparmor=unconfined"],
        Labels = [new("service", $"s{i % 20}")],
        Dimensions = new ContainerDimensions { MemoryLimit = 1L << 30, MemorySwapLimit = 2L << 30, Ulimits = [new Ulimit("nofile", 1_048_576, 1_048_576)] },
        Healthcheck = new ContainerHealthcheck(["CMD-SHELL", $"healthcheck_port service_{i} 5672"]),
    };

    private static ContainerState State(ContainerSpec spec, ImageState image)
    {
        var volumes = ContainerVolumes.Parse(spec.Volumes);
        return new ContainerState
        {
            Name = spec.Name,
            Id = spec.Name,
            Image = spec.Image,
            ImageId = image.Id,
            Status = "running",
            StartedAt = "2026-11-25T10:00:00Z",
            Labels = new Dictionary<string, string>(spec.Labels) { ["kolla_version"] = "19.0.0" },
            Environment = [.. ContainerEnvironment.ToEngineEntries(spec, "UTC"), "PATH=/usr/bin"],
            Binds = volumes.Binds,
            VolumeDestinations = volumes.Destinations,
            CapAdd = spec.CapAdd,
            SecurityOpt = spec.SecurityOpt,
            Dimensions = spec.Dimensions,
            Healthcheck = spec.Healthcheck,
        };
    }
}
