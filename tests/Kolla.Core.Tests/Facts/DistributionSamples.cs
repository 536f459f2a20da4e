namespace Kolla.Core.Tests.Facts;

/// <summary>The release files of the distributions Kolla deploys on (and a few more), with the facts Ansible reports for them.</summary>
internal static class DistributionSamples
{
    public static readonly IReadOnlyDictionary<string, Sample> All = new Dictionary<string, Sample>
    {
        ["debian12"] = new(
            new()
            {
                ["/etc/os-release"] = """
                    PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
                    NAME="Debian GNU/Linux"
                    VERSION_ID="12"
                    VERSION="12 (bookworm)"
                    VERSION_CODENAME=bookworm
                    ID=debian
                    HOME_URL="https://www.debian.org/"
                    SUPPORT_URL="https://www.debian.org/support"
                    BUG_REPORT_URL="https://bugs.debian.org/"

                    """,
                ["/etc/debian_version"] = "12.5\n",
            },
            "Debian", "12.5", "bookworm", "12", "Debian"),
        ["ubuntu2204"] = new(
            new()
            {
                ["/etc/os-release"] = """
                    PRETTY_NAME="Ubuntu 22.04.4 LTS"
                    NAME="Ubuntu"
                    VERSION_ID="22.04"
                    VERSION="22.04.4 LTS (Jammy Jellyfish)"
                    VERSION_CODENAME=jammy
                    ID=ubuntu
                    ID_LIKE=debian
                    HOME_URL="https://www.ubuntu.com/"
                    SUPPORT_URL="https://help.ubuntu.com/"
                    BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
                    PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
                    UBUNTU_CODENAME=jammy

                    """,
                ["/etc/lsb-release"] = "DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=22.04\nDISTRIB_CODENAME=jammy\nDISTRIB_DESCRIPTION=\"Ubuntu 22.04.4 LTS\"\n",
                ["/etc/debian_version"] = "bookworm/sid\n",
            },
            "Ubuntu", "22.04", "jammy", "22", "Debian"),
        ["rocky94"] = new(
            new()
            {
                ["/etc/os-release"] = """
                    NAME="Rocky Linux"
                    VERSION="9.4 (Blue Onyx)"
                    ID="rocky"
                    ID_LIKE="rhel centos fedora"
                    VERSION_ID="9.4"
                    PLATFORM_ID="platform:el9"
                    PRETTY_NAME="Rocky Linux 9.4 (Blue Onyx)"
                    ANSI_COLOR="0;32"
                    LOGO="fedora-logo-icon"
                    CPE_NAME="cpe:/o:rocky:rocky:9::baseos"
                    HOME_URL="https://rockylinux.org/"
                    BUG_REPORT_URL="https://bugs.rockylinux.org/"
                    SUPPORT_END="2032-05-31"
                    ROCKY_SUPPORT_PRODUCT="Rocky-Linux-9"
                    ROCKY_SUPPORT_PRODUCT_VERSION="9.4"
                    REDHAT_SUPPORT_PRODUCT="Rocky Linux"
                    REDHAT_SUPPORT_PRODUCT_VERSION="9.4"

                    """,
                ["/etc/rocky-release"] = "Rocky Linux release 9.4 (Blue Onyx)\n",
                ["/etc/redhat-release"] = "Rocky Linux release 9.4 (Blue Onyx)\n",
                ["/etc/system-release"] = "Rocky Linux release 9.4 (Blue Onyx)\n",
            },
            "Rocky", "9.4", "Blue Onyx", "9", "RedHat"),
        ["centos-stream9"] = new(
            new()
            {
                ["/etc/os-release"] = """
                    NAME="CentOS Stream"
                    VERSION="9"
                    ID="centos"
                    ID_LIKE="rhel fedora"
                    VERSION_ID="9"
                    PLATFORM_ID="platform:el9"
                    PRETTY_NAME="CentOS Stream 9"
                    ANSI_COLOR="0;31"
                    LOGO="fedora-logo-icon"
                    CPE_NAME="cpe:/o:centos:centos:9"
                    HOME_URL="https://centos.org/"
                    BUG_REPORT_URL="https://issues.redhat.com/"
                    REDHAT_SUPPORT_PRODUCT="Red Hat Enterprise Linux 9"
                    REDHAT_SUPPORT_PRODUCT_VERSION="CentOS Stream"

                    """,
                ["/etc/centos-release"] = "CentOS Stream release 9\n",
                ["/etc/redhat-release"] = "CentOS Stream release 9\n",
                ["/etc/system-release"] = "CentOS Stream release 9\n",
            },
            "CentOS", "9", "Stream", "9", "RedHat"),
        ["rhel92"] = new(
            new()
            {
                ["/etc/os-release"] = """
                    NAME="Red Hat Enterprise Linux"
                    VERSION="9.2 (Plow)"
                    ID="rhel"
                    ID_LIKE="fedora"
                    VERSION_ID="9.2"
                    PLATFORM_ID="platform:el9"
                    PRETTY_NAME="Red Hat Enterprise Linux 9.2 (Plow)"
                    ANSI_COLOR="0;31"
                    LOGO="fedora-logo-icon"
                    CPE_NAME="cpe:/o:redhat:enterprise_linux:9::baseos"
                    HOME_URL="https://www.redhat.com/"

                    """,
                ["/etc/redhat-release"] = "Red Hat Enterprise Linux release 9.2 (Plow)\n",
            },
            "RedHat", "9.2", "Plow", "9", "RedHat"),
        ["openeuler2203"] = new(
            new()
            {
                ["/etc/os-release"] = """
                    NAME="openEuler"
                    VERSION="22.03 (LTS-SP1)"
                    ID="openEuler"
                    VERSION_ID="22.03"
                    PRETTY_NAME="openEuler 22.03 (LTS-SP1)"
                    ANSI_COLOR="0;31"

                    """,
                ["/etc/openEuler-release"] = "openEuler release 22.03 (LTS-SP1)\n",
            },
            "openEuler", "22.03", "LTS-SP1", "22", "RedHat"),
        ["alpine319"] = new(
            new()
            {
                ["/etc/os-release"] = """
                    NAME="Alpine Linux"
                    ID=alpine
                    VERSION_ID=3.19.1
                    PRETTY_NAME="Alpine Linux v3.19"
                    HOME_URL="https://alpinelinux.org/"
                    BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"

                    """,
                ["/etc/alpine-release"] = "3.19.1\n",
            },
            "Alpine", "3.19.1", "NA", "3", "Alpine"),
        ["opensuse155"] = new(
            new()
            {
                ["/etc/os-release"] = """
                    NAME="openSUSE Leap"
                    VERSION="15.5"
                    ID="opensuse-leap"
                    ID_LIKE="suse opensuse"
                    VERSION_ID="15.5"
                    PRETTY_NAME="openSUSE Leap 15.5"
                    ANSI_COLOR="0;32"
                    CPE_NAME="cpe:/o:opensuse:leap:15.5"
                    BUG_REPORT_URL="https://bugs.opensuse.org"
                    HOME_URL="https://www.opensuse.org/"

                    """,
            },
            "openSUSE Leap", "15.5", "5", "15", "Suse"),
        ["usr-lib-os-release-only"] = new(
            new()
            {
                ["/usr/lib/os-release"] = """
                    PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
                    NAME="Debian GNU/Linux"
                    VERSION_ID="12"
                    VERSION="12 (bookworm)"
                    VERSION_CODENAME=bookworm
                    ID=debian

                    """,
            },
            "Debian", "12", "bookworm", "12", "Debian"),
        ["no-os-release"] = new(
            new() { ["/etc/debian_version"] = "12.5\n" },
            "OtherLinux", "NA", "NA", "NA", "OtherLinux"),
    };

    /// <summary>A made-up host's distribution files and what Ansible says about it.</summary>
    public sealed record Sample(
        Dictionary<string, string> Files,
        string Distribution,
        string Version,
        string Release,
        string MajorVersion,
        string OsFamily);
}
