using System.CommandLine;

namespace Kolla.Cli.Commands;

/// <summary>The options of <c>kolla build</c>, named as kolla-build names them where it has them.</summary>
internal sealed class BuildOptions
{
    public Argument<string[]> Regexes { get; } = new("regex") { Description = "Image name patterns (unanchored regular expressions).", Arity = ArgumentArity.ZeroOrMore };

    public Option<string?> Profile { get; } = new("--profile", "-p") { Description = "Build the images of a profile (the tree's profiles.yml, else infra, main, aux, default)." };

    public Option<string?> DockerDir { get; } = new("--docker-dir", "-D") { Description = "Image tree to use instead of the embedded one: DIR/<image>/Dockerfile.j2." };

    public Option<string[]> TemplateOverride { get; } = new("--template-override") { Description = "Template that extends parent_template and fills blocks in every image; repeatable." };

    public Option<string?> BuildConfig { get; } = new("--build-config") { Description = "YAML file of extra template values, e.g. nova_compute_packages_append: [vim]." };

    public Option<string> Namespace { get; } = new("--namespace", "-n") { Description = "Image namespace.", DefaultValueFactory = _ => "kolla" };

    public Option<string?> Prefix { get; } = new("--image-name-prefix") { Description = "Prefix of every image name." };

    public Option<string?> Tag { get; } = new("--tag") { Description = "Image tag (default: RELEASE-debian-SUITE, e.g. master-debian-bookworm)." };

    public Option<string?> Registry { get; } = new("--registry") { Description = "Registry in front of the namespace (images are tagged with it)." };

    public Option<string> Release { get; } = new("--openstack-release") { Description = "OpenStack release.", DefaultValueFactory = _ => "master" };

    public Option<string?> BaseImage { get; } = new("--base-image") { Description = "Image root images start FROM (default: debian:SUITE)." };

    public Option<string> Suite { get; } = new("--suite") { Description = "Debian release: the base_tag value and the debootstrap suite.", DefaultValueFactory = _ => "bookworm" };

    public Option<bool> Debootstrap { get; } = new("--debootstrap") { Description = "Make the base image with debootstrap (imported as NAMESPACE/PREFIXdebian-rootfs:SUITE) unless it exists." };

    public Option<bool> RebuildRootfs { get; } = new("--rebuild-rootfs") { Description = "With --debootstrap: redo the rootfs image even if it exists." };

    public Option<string?> Mirror { get; } = new("--mirror") { Description = "Debian archive for debootstrap (default: this machine's apt sources, else deb.debian.org)." };

    public Option<string?> KollaStart { get; } = new("--kolla-start") { Description = "kolla_start file copied into root images (default: kolla_start next to the kolla executable)." };

    public Option<int> Threads { get; } = WholeNumberOption.Create("--threads", ["-T"], "Images built at once.", minimum: 1, defaultValue: 4);

    public Option<int> Retries { get; } = WholeNumberOption.Create("--retries", ["-r"], "Extra attempts for a failed image.", minimum: 0, defaultValue: 0);

    public Option<bool> NoCache { get; } = new("--nocache") { Description = "Build without the layer cache." };

    public Option<bool> Pull { get; } = new("--pull") { Description = "Pull newer base images for root images." };

    public Option<bool> SkipExisting { get; } = new("--skip-existing") { Description = "Do not rebuild images whose tag exists." };

    public Option<string> WorkDir { get; } = new("--work-dir") { Description = "Folder for --template-only output, logs and the debootstrap scratch.", DefaultValueFactory = _ => "kolla-build" };

    public Option<string?> LogsDir { get; } = new("--logs-dir") { Description = "Per-image build logs (default: WORK-DIR/logs)." };

    public Option<bool> TemplateOnly { get; } = new("--template-only") { Description = "Render the Dockerfiles and contexts into WORK-DIR/<image>; no Docker." };

    public Option<bool> ListImages { get; } = new("--list-images") { Description = "Print the selected images, parents first, and stop." };

    public Option<bool> ListDependencies { get; } = new("--list-dependencies") { Description = "Print the selected images as an indented parent/child tree and stop." };

    public Option<string?> DockerHost { get; } = new("--docker-host", "-H") { Description = "Docker engine endpoint (default: DOCKER_HOST, the docker context, then unix:///var/run/docker.sock)." };

    public Option<string> Format { get; } = new Option<string>("--format") { Description = "Summary: text, or json (one line on stdout; progress goes to stderr).", DefaultValueFactory = _ => "text" }
        .AcceptOnlyFromAmong("text", "json");

    public void AddTo(Command command)
    {
        command.Arguments.Add(Regexes);
        foreach (var option in (Option[])[Profile, DockerDir, TemplateOverride, BuildConfig, Namespace, Prefix, Tag, Registry, Release, BaseImage, Suite,
                     Debootstrap, RebuildRootfs, Mirror, KollaStart, Threads, Retries, NoCache, Pull, SkipExisting, WorkDir, LogsDir, TemplateOnly,
                     ListImages, ListDependencies, DockerHost, Format])
        {
            command.Options.Add(option);
        }
    }
}
