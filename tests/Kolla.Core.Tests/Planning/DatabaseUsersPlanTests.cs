using System.Diagnostics;
using System.Text;
using Kolla.Inventory;
using Kolla.Planning;

namespace Kolla.Tests.Planning;

/// <summary>
/// The database accounts kolla-ansible's mariadb register tasks create (the shard's root user, the monitor user), and
/// the account the services' database jobs log in as: rendered from the built-in catalogue for the multinode sample.
/// </summary>
public sealed class DatabaseUsersPlanTests : IDisposable
{
    private const string ConfigFiles = "/var/lib/kolla/config_files";

    private readonly string _dir = Directory.CreateTempSubdirectory("kolla-dbusers-").FullName;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<DeploymentPlan> PlanAsync(string? extraHostVars = null, Dictionary<string, object?>? extraVars = null, Dictionary<string, object?>? passwords = null)
    {
        var inputs = await Samples.LoadAsync(Samples.Multinode, Token);
        if (extraHostVars is not null)
        {
            var text = await File.ReadAllTextAsync(Path.Combine(Samples.Directory(Samples.Multinode), "inventory"), Token);
            inputs = inputs with { Inventory = InventoryLoader.Parse(text.Replace("control03 ansible_host=10.0.0.13", "control03 ansible_host=10.0.0.13 " + extraHostVars, StringComparison.Ordinal)) };
        }

        if (extraVars is not null)
        {
            inputs = inputs with { ExtraVars = extraVars };
        }

        if (passwords is not null)
        {
            var merged = new Dictionary<string, object?>(inputs.Passwords, StringComparer.Ordinal);
            foreach (var (key, value) in passwords)
            {
                merged[key] = value;
            }

            inputs = inputs with { Passwords = merged };
        }

        return DeploymentPlanner.Plan(inputs);
    }

    private static ContainerPlan Container(DeploymentPlan plan, string host, string key) =>
        plan.Hosts.Single(h => h.Host == host).Containers.Single(c => c.Key == key);

    private static string? RootUser(DeploymentPlan plan, string host, string key, string job) =>
        Container(plan, host, key).Bootstraps.Single(b => b.Spec.Name.Contains(job, StringComparison.Ordinal))
            .Spec.Environment.Single(e => e.Key == "DB_ROOT_USER").Value;

    [Fact]
    public async Task Mariadb_CreatesTheShardRootAndMonitorUsersOnTheShardsFirstHostBeforeWaitingForHealth()
    {
        var plan = await PlanAsync();

        var first = Container(plan, "control01", "mariadb");
        first.PostStartBeforeHealthy.Should().BeTrue("its health check logs in as the monitor user the command creates");
        var command = first.PostStart.Should().ContainSingle().Subject;
        command.Should().Contain("CREATE USER IF NOT EXISTS 'root_shard_0'@'%'")
            .And.Contain("GRANT ALL PRIVILEGES ON *.* TO 'root_shard_0'@'%' WITH GRANT OPTION;")
            .And.Contain("CREATE USER IF NOT EXISTS 'monitor'@'%'")
            .And.Contain("GRANT USAGE, REPLICATION CLIENT ON *.* TO 'monitor'@'%';")
            .And.Contain($"{ConfigFiles}/galera.cnf").And.Contain($"{ConfigFiles}/healthcheck.cnf");
        command.Should().NotContain("database_password-golden").And.NotContain("mariadb_monitor_password-golden");
        Container(plan, "control02", "mariadb").PostStart.Should().BeEmpty("the users replicate to the other members");
        Container(plan, "control03", "mariadb").PostStart.Should().BeEmpty();

        var healthcheck = Encoding.UTF8.GetString(first.Files.Single(f => f.Path.EndsWith("/healthcheck.cnf", StringComparison.Ordinal)).Content.Span);
        healthcheck.Should().Be("[mariadb-client]\nuser = monitor\npassword = mariadb_monitor_password-golden\n\n", "kolla-ansible's file");
    }

    [Fact]
    public async Task Each_ShardGetsItsRootUserOnItsOwnFirstHost()
    {
        var plan = await PlanAsync(extraHostVars: "mariadb_shard_id=1");

        Container(plan, "control01", "mariadb").PostStart.Should().ContainSingle().Which.Should().Contain("'root_shard_0'@'%'");
        Container(plan, "control02", "mariadb").PostStart.Should().BeEmpty();
        Container(plan, "control03", "mariadb").PostStart.Should().ContainSingle().Which.Should().Contain("'root_shard_1'@'%'").And.NotContain("root_shard_0");
    }

    [Theory]
    [InlineData("yes", "root_shard_0")]
    [InlineData("no", "root")]
    public async Task Database_JobsLogInAsTheShardRootUserThroughProxysqlAndAsDatabaseUserOtherwise(string proxysql, string expected)
    {
        var plan = await PlanAsync(extraVars: new() { ["enable_proxysql"] = proxysql });

        RootUser(plan, "control01", "keystone", "keystone_database").Should().Be(expected);
        RootUser(plan, "control01", "glance-api", "glance_database").Should().Be(expected);
        RootUser(plan, "control01", "placement-api", "placement_database").Should().Be(expected);
        RootUser(plan, "control01", "neutron-server", "neutron_database").Should().Be(expected);
        RootUser(plan, "control01", "nova-api", "nova_api_database").Should().Be(expected);
        RootUser(plan, "control01", "nova-api", "nova_database").Should().Be(expected);
    }

    [Fact]
    public async Task Nova_CellDatabasesUseTheCellsShardWhenItHasOne()
    {
        var plan = await PlanAsync(extraVars: new() { ["enable_proxysql"] = "yes", ["nova_cell_database_shard_id"] = "2" });

        RootUser(plan, "control01", "nova-api", "nova_api_database").Should().Be("root_shard_0");
        RootUser(plan, "control01", "nova-api", "nova_database").Should().Be("root_shard_2");
    }

    /// <summary>
    /// The rendered command run by a real shell against a stand-in <c>mariadb</c> client that refuses the first
    /// connection: it retries, logs in as database_user with the password in MYSQL_PWD, and sends SQL whose string
    /// literals hold the passwords exactly, whatever they contain; no password is among the client's arguments.
    /// </summary>
    [Fact]
    public async Task Mariadb_PostStartRunByAShellRetriesAndKeepsPasswordsOffTheCommandLine()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/bin/sh"))
        {
            Assert.Skip("needs /bin/sh");
        }

        const string root = "r0ot 'pw'\\$HOME:x";
        const string monitor = "m'on\\itor`id`";
        var plan = await PlanAsync(passwords: new() { ["database_password"] = root, ["mariadb_monitor_password"] = monitor });
        var (output, exitCode) = await RunPostStartAsync(plan, failures: 1);

        exitCode.Should().Be(0, output);
        (await File.ReadAllTextAsync(Path.Combine(_dir, "calls"), Token)).Trim().Should().Be("2", "the first refused connection is retried");
        var arguments = await File.ReadAllLinesAsync(Path.Combine(_dir, "argv"), Token);
        arguments.Should().Equal("-h", ApiAddress(plan), "-P", "3306", "-u", "root", "--connect-timeout=5");
        (await File.ReadAllTextAsync(Path.Combine(_dir, "pwd"), Token)).Should().Be(root);
        var sql = await File.ReadAllTextAsync(Path.Combine(_dir, "stdin"), Token);
        sql.Should().Contain("CREATE USER IF NOT EXISTS 'root_shard_0'@'%' IDENTIFIED BY 'r0ot \\'pw\\'\\\\$HOME:x';\n")
            .And.Contain("ALTER USER 'monitor'@'%' IDENTIFIED BY 'm\\'on\\\\itor`id`';\n");
    }

    [Fact]
    public async Task Mariadb_PostStartGivesUpAfterDatabaseMaxTimeoutWithTheClientsError()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/bin/sh"))
        {
            Assert.Skip("needs /bin/sh");
        }

        var plan = await PlanAsync(extraVars: new() { ["database_max_timeout"] = "0" });
        var (output, exitCode) = await RunPostStartAsync(plan, failures: 100);

        exitCode.Should().Be(1);
        output.Should().Contain("ERROR 2002 (HY000): Can't connect");
    }

    private static string ApiAddress(DeploymentPlan plan) =>
        Encoding.UTF8.GetString(Container(plan, "control01", "mariadb").Files.Single(f => f.Path.EndsWith("/galera.cnf", StringComparison.Ordinal)).Content.Span)
            .Split('\n').Single(l => l.StartsWith("bind-address = ", StringComparison.Ordinal))["bind-address = ".Length..];

    /// <summary>Runs control01's mariadb post-start command with its config files in a temporary directory and a fake client first in PATH.</summary>
    private async Task<(string Output, int ExitCode)> RunPostStartAsync(DeploymentPlan plan, int failures)
    {
        var mariadb = Container(plan, "control01", "mariadb");
        var config = Path.Combine(_dir, "config_files");
        Directory.CreateDirectory(config);
        foreach (var file in mariadb.Files)
        {
            await File.WriteAllBytesAsync(Path.Combine(config, Path.GetFileName(file.Path)), file.Content.ToArray(), Token);
        }

        var bin = Path.Combine(_dir, "bin");
        Directory.CreateDirectory(bin);
        var client = Path.Combine(bin, "mariadb");
        await File.WriteAllTextAsync(client, $"""
            #!/bin/sh
            d='{_dir}'
            n=$(cat "$d/calls" 2>/dev/null || echo 0); n=$((n + 1)); echo "$n" > "$d/calls"
            printf '%s\n' "$@" > "$d/argv"
            printf '%s' "$MYSQL_PWD" > "$d/pwd"
            cat > "$d/stdin"
            if [ "$n" -le {failures} ]; then echo "ERROR 2002 (HY000): Can't connect to server"; exit 1; fi
            """.Replace("\r\n", "\n", StringComparison.Ordinal), Token);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(client, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var command = mariadb.PostStart.Single().Replace(ConfigFiles, config, StringComparison.Ordinal);
        var start = new ProcessStartInfo("/bin/sh", ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        using var shell = Process.Start(start)!;
        var stdout = shell.StandardOutput.ReadToEndAsync(Token);
        var stderr = shell.StandardError.ReadToEndAsync(Token);
        await shell.WaitForExitAsync(Token);
        return (await stdout + await stderr, shell.ExitCode);
    }
}
