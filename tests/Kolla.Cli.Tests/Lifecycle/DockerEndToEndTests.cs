using System.Runtime.Versioning;
using Kolla.Passwords;
using Kolla.TestKit;

namespace Kolla.Tests.Lifecycle;

/// <summary>
/// deploy, rerun, check, drift, destroy with the CLI against a private Docker engine: a one-service catalogue overlay
/// (the busybox test image; no registry is reachable) on a local host.
/// </summary>
[Trait("Category", "Integration")]
[Trait("Requires", "Docker")]
[SupportedOSPlatform("linux")]
public sealed class DockerEndToEndTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>, IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kolla-cli-e2e-").FullName;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string Container => engine.NameFor("hello");

    private string NodeConfig => Path.Combine(_dir, "node");

    public async ValueTask InitializeAsync()
    {
        await engine.EnsureTestImageAsync(TestContext.Current.CancellationToken);
        Directory.CreateDirectory(Path.Combine(_dir, "catalogue", "hello", "templates"));
        Directory.CreateDirectory(Path.Combine(_dir, "config"));
        await File.WriteAllTextAsync(Path.Combine(_dir, "globals.yml"), $"""
            kolla_internal_vip_address: "127.0.0.1"
            enable_haproxy: "no"
            docker_graceful_timeout: 2
            node_config_directory: "{NodeConfig}"
            """, Token);
        await File.WriteAllTextAsync(Path.Combine(_dir, "inventory"), $"[hello]\nlocalhost ansible_connection=local api_interface_address=127.0.0.1 kolla_docker_host={engine.DockerHost}\n", Token);
        await File.WriteAllTextAsync(Path.Combine(_dir, "catalogue", "hello", "service.yml"), $$$"""
            service: hello
            defaults:
              hello_greeting: "hello"
            containers:
              hello:
                container_name: "{{{Container}}}"
                group: hello
                image: "{{{engine.TestImage}}}"
                command: "sleep 3600"
                labels:
                  {{{DockerEngineFixture.RunLabelKey}}}: "{{{engine.RunId}}}"
                volumes:
                  - "{{ node_config_directory }}/hello/:{{ container_config_directory }}/:ro"
                files:
                  - dest: hello.conf
                    template: hello.conf.j2
                    overrides: [hello.conf]
                    mode: "0600"
                config_json:
                  command: "sleep 3600"
                  config_files:
                    - {source: hello.conf, dest: /etc/hello/hello.conf, owner: root, perm: "0600"}
            """, Token);
        await File.WriteAllTextAsync(Path.Combine(_dir, "catalogue", "hello", "templates", "hello.conf.j2"), "[DEFAULT]\ngreeting = {{ hello_greeting }}\n", Token);
        await GenPwd.RunAsync(Path.Combine(_dir, "passwords.yml"), createIfMissing: true, new PasswordGenerator { SshKeyBits = 1024 }, Token);
    }

    public async ValueTask DisposeAsync()
    {
        await engine.DockerAsync(["rm", "-f", Container], CancellationToken.None);
        Directory.Delete(_dir, recursive: true);
    }

    private Task<(int Code, string Out, string Error)> Kolla(params string[] verbAndMore) =>
        CliRun.RunAsync([.. verbAndMore, "-i", Path.Combine(_dir, "inventory"), "--configdir", _dir, "--catalogue", Path.Combine(_dir, "catalogue"), "--tags", "hello", "--executor", "docker"]);

    private async Task<string> StateAsync() =>
        (await engine.DockerAsync(["inspect", "-f", "{{.State.Status}} {{.State.StartedAt}}", Container], Token)).StandardOutput.Trim();

    [Fact]
    public async Task Deploy_Rerun_Check_Drift_Destroy()
    {
        var prechecks = await Kolla("prechecks");
        prechecks.Code.Should().Be(0, prechecks.Out + prechecks.Error);
        prechecks.Out.Should().MatchRegex(@"ok    docker     localhost: Docker \S+ \(API \d+\.\d+\) is reachable");

        var deploy = await Kolla("deploy");
        deploy.Code.Should().Be(0, deploy.Out + deploy.Error);
        deploy.Out.Should().Contain($"localhost: changed: create container {Container}");
        var started = await StateAsync();
        started.Should().StartWith("running ");
        (await File.ReadAllTextAsync(Path.Combine(NodeConfig, "hello", "hello.conf"), Token)).Should().Be("[DEFAULT]\ngreeting = hello\n\n");

        var rerun = await Kolla("deploy");
        rerun.Code.Should().Be(0, rerun.Error);
        rerun.Out.Should().Contain("localhost  : ok=1    changed=0");
        (await StateAsync()).Should().Be(started, "a rerun with no input change restarts nothing");

        (await Kolla("check")).Code.Should().Be(0);

        await File.WriteAllTextAsync(Path.Combine(_dir, "config", "hello.conf"), "[DEFAULT]\ngreeting = bonjour\n", Token);
        var drift = await Kolla("check");
        drift.Code.Should().Be(2);
        drift.Out.Should().Contain($"restart container {Container}");

        var reconfigure = await Kolla("reconfigure");
        reconfigure.Code.Should().Be(0, reconfigure.Error);
        (await StateAsync()).Should().NotBe(started, "the changed configuration restarted the container");

        var refused = await Kolla("destroy");
        refused.Code.Should().Be(1);
        (await StateAsync()).Should().StartWith("running ");

        var bystander = engine.NameFor("bystander");
        (await engine.DockerAsync(["create", "--name", bystander, "--label", "kolla.managed-by=kolla-dotnet", engine.TestImage, "true"], Token)).ExitCode.Should().Be(0);
        var destroy = await Kolla("destroy", "--yes-i-really-really-mean-it");
        var bystanderLeft = (await engine.DockerAsync(["rm", "-f", bystander], Token)).ExitCode;
        destroy.Code.Should().Be(0, destroy.Error);
        bystanderLeft.Should().Be(0, "with --tags, destroy leaves Kolla containers of other services alone");
        destroy.Out.Should().Contain($"remove container {Container}").And.Contain($"remove directory {NodeConfig}/hello");
        (await engine.DockerAsync(["inspect", Container], Token)).ExitCode.Should().NotBe(0);
        Directory.Exists(Path.Combine(NodeConfig, "hello")).Should().BeFalse();
        File.Exists(Path.Combine(_dir, "passwords.yml")).Should().BeTrue();
    }
}
