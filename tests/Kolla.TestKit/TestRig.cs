using System.Security.Cryptography;

namespace Kolla.TestKit;

/// <summary>
/// Where the test rig lives and how it behaves: the repository root, the shell scripts under
/// <c>tests/infra</c>, the run directory, and whether a missing component fails (CI) or skips (locally).
/// </summary>
public static class TestRig
{
    /// <summary>Environment variable naming a Docker engine the fixtures reuse (<c>unix:///…/docker.sock</c>).</summary>
    public const string DockerHostVariable = "KOLLA_TEST_DOCKER_HOST";

    /// <summary>Environment variable naming the directory fixtures start things in (set by <c>scripts/test.sh</c>).</summary>
    public const string RunDirectoryVariable = "KOLLA_TEST_RUN_DIR";

    /// <summary>The Debian packages the integration tests need.</summary>
    public const string Packages = "docker.io openssh-server busybox-static iproute2 sudo python3-oslo.config ansible-core";

    /// <summary>How to get every component, for messages.</summary>
    public const string InstallHint =
        "install with `apt-get install -y " + Packages + "` and run as root, or run `sudo ./scripts/test.sh`";

    /// <summary>Gets whether the tests run in CI (<c>CI=true</c>): then a missing component fails the test.</summary>
    public static bool IsCi
    {
        get
        {
            var value = Environment.GetEnvironmentVariable("CI");
            return string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || value == "1";
        }
    }

    /// <summary>Gets whether this process may start daemons and create network namespaces.</summary>
    public static bool IsRoot => Environment.IsPrivilegedProcess;

    /// <summary>Gets the repository root: the nearest directory above the test binaries holding <c>Kolla.sln</c>.</summary>
    public static string RepositoryRoot => RepositoryPaths.Root;

    /// <summary>Gets <c>tests/infra</c>, the scripts that start and stop the rig's processes.</summary>
    public static string InfraDirectory => Path.Combine(RepositoryRoot, "tests", "infra");

    /// <summary>Gets the shared folder of test vectors and docs, <c>&lt;repo root&gt;/../shared</c>.</summary>
    public static string SharedDirectory => RepositoryPaths.Shared;

    /// <summary>
    /// Gets the directory every fixture starts its processes in: <c>KOLLA_TEST_RUN_DIR</c> when set,
    /// else <c>$TMPDIR/kolla-test</c>.
    /// </summary>
    public static string RunRoot
    {
        get
        {
            var fromScript = Environment.GetEnvironmentVariable(RunDirectoryVariable);
            return string.IsNullOrWhiteSpace(fromScript)
                ? Path.Combine(Path.GetTempPath(), "kolla-test")
                : fromScript;
        }
    }

    /// <summary>Creates a new run id: six lowercase hex digits, short enough for interface names.</summary>
    /// <returns>The run id.</returns>
    public static string NewRunId() => RandomNumberGenerator.GetHexString(6, lowercase: true);

    /// <summary>
    /// Creates the exception to throw when a component the test needs is missing: under CI it fails the
    /// test; locally it skips it. Either way the message says what is missing and how to install it.
    /// </summary>
    /// <param name="what">What is missing and why.</param>
    /// <returns>The exception to throw.</returns>
    public static TestRigUnavailableException Unavailable(string what) => new(what, skip: !IsCi);
}
