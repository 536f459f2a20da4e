using Kolla.Containers;

namespace Kolla.Tests.Containers;

/// <summary>A kolla-shaped spec and the container kolla-ansible would have created from it (all fields matching).</summary>
internal static class ContainerSamples
{
    public const string ImageId = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

    public static ContainerSpec Spec() => new()
    {
        Name = "nova_compute",
        Image = "quay.io/openstack.kolla/nova-compute:2025.1",
        Environment = [new("KOLLA_CONFIG_STRATEGY", "COPY_ALWAYS"), new("KOLLA_UPGRADE", null)],
        Volumes =
        [
            "/etc/kolla/nova-compute/:/var/lib/kolla/config_files/:ro",
            "/lib/modules:/lib/modules:ro",
            "/run:/run:shared",
            "/dev:/dev",
            "kolla_logs:/var/log/kolla/",
            "",
        ],
        CapAdd = ["NET_ADMIN"],
        SecurityOpt = ["apparmor=unconfined"],
        Tmpfs = ["/var/tmp"],
        Labels = [new("service", "nova")],
        Healthcheck = new ContainerHealthcheck(["CMD-SHELL", "healthcheck_port nova-compute 5672"], 30, 30, 5, 3),
        Dimensions = new ContainerDimensions { MemoryLimit = 1L << 30, Ulimits = [new Ulimit("nofile", 1024, 2048)] },
    };

    public static ImageState Image() => new(
        ImageId,
        ["quay.io/openstack.kolla/nova-compute:2025.1"],
        new Dictionary<string, string> { ["kolla_version"] = "19.0.0", ["name"] = "nova-compute" });

    public static ContainerComparisonContext Context() => new() { DesiredImage = Image(), TimeZone = "Europe/Berlin" };

    public static ContainerState State() => new()
    {
        Name = "nova_compute",
        Id = "abc",
        Image = "quay.io/openstack.kolla/nova-compute:2025.1",
        ImageId = ImageId,
        Status = "running",
        Labels = new Dictionary<string, string> { ["service"] = "nova", ["kolla_version"] = "19.0.0", ["name"] = "nova-compute" },
        Environment =
        [
            "PATH=/usr/bin",
            "KOLLA_CONFIG_STRATEGY=COPY_ALWAYS",
            "KOLLA_UPGRADE=",
            "KOLLA_SERVICE_NAME=nova-compute",
            "TZ=Europe/Berlin",
        ],
        Binds =
        [
            "kolla_logs:/var/log/kolla/:rw",
            "/dev:/dev:rw",
            "/etc/kolla/nova-compute/:/var/lib/kolla/config_files/:ro",
            "/lib/modules:/lib/modules:ro",
            "/run:/run:shared",
        ],
        VolumeDestinations = ["/var/lib/kolla/config_files/", "/lib/modules", "/run", "/dev", "/var/log/kolla/"],
        Tmpfs = ["/var/tmp"],
        CapAdd = ["NET_ADMIN"],
        SecurityOpt = ["apparmor=unconfined"],
        IpcMode = "private",
        CgroupnsMode = "private",
        Dimensions = new ContainerDimensions { MemoryLimit = 1L << 30, MemorySwapLimit = 0, Ulimits = [new Ulimit("nofile", 1024, 2048)] },
        Healthcheck = new ContainerHealthcheck(["CMD-SHELL", "healthcheck_port nova-compute 5672"], 30, 30, 5, 3),
        Command = ["dumb-init", "--single-child", "--", "kolla_start"],
    };
}
