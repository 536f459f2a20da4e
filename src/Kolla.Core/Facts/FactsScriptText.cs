namespace Kolla.Facts;

/// <summary>The POSIX sh text of <see cref="RemoteFactsScript.Script"/>.</summary>
/// <remarks>
/// The script runs in a subshell, so it can be embedded in a larger one. Output: a <c>kolla-facts 1</c> header, then
/// one <c>key value</c> line per item, file contents as lines starting with <c>|</c> after a <c>file</c>,
/// <c>release</c> or <c>debian-version</c> line, and <c>end</c>. Per interface only builtins run (besides <c>ls</c> for a
/// device link and <c>find</c> for a bridge's ports), so a host with many interfaces answers quickly; <c>find</c>
/// lists directories in directory order, the order Ansible walks them.
/// </remarks>
internal static class FactsScriptText
{
    /// <summary>The script.</summary>
    public const string Text = """
        # Kolla facts: the raw material of Ansible-compatible host facts (read by Kolla's RemoteFactsScript.Parse).
        # A subshell: nothing set here (variables, functions, options, LC_ALL) reaches a script this one is embedded in.
        (
            LC_ALL=C
            export LC_ALL
            PATH=$PATH:/usr/local/sbin:/usr/sbin:/sbin:/usr/bin:/bin
            lines() { while IFS= read -r l || [ -n "$l" ]; do printf '|%s\n' "$l"; done; }
            first() { l=; IFS= read -r l 2>/dev/null < "$1"; printf '|%s\n' "$l"; }
            printf 'kolla-facts 1\n'
            # uname's fields from /proc where Linux has them (no process each), uname otherwise.
            k() { v=; if [ -r "/proc/sys/kernel/$1" ]; then IFS= read -r v < "/proc/sys/kernel/$1"; fi; [ -n "$v" ] || v=$(uname "$2"); }
            k hostname -n; n=$v
            printf 'nodename %s\n' "$n"
            k ostype -s; printf 'system %s\n' "$v"
            k osrelease -r; printf 'kernel %s\n' "$v"
            k version -v; printf 'kernel-version %s\n' "$v"
            printf 'machine %s\n' "$(uname -m)"
            if command -v getent >/dev/null 2>&1; then
                a=$(getent ahosts "$n" 2>/dev/null | sed -n '1s/[[:space:]].*//p')
                [ -n "$a" ] && getent hosts "$a" 2>/dev/null | sed -n '1s/^/fqdn-names /p'
            fi
            if [ -r /proc/cpuinfo ]; then
                x=0
                if [ -e /proc/xen ]; then
                    x=1
                elif [ -r /sys/hypervisor/type ] && [ "$(sed -n '/[^[:space:]]/{s/^[[:space:]]*//;s/[[:space:]]*$//;p;q;}' /sys/hypervisor/type)" = xen ]; then
                    x=1
                fi
                # One process (awk) counts the keys Ansible's cpuinfo parsing looks at and copies the topology lines.
                awk -v x="$x" -v s='^[[:space:]]*' -v e='[[:space:]]*(:|$)' '
                    $0 ~ s "(model name|Processor|vendor_id|cpu|Vendor|processor)" e { keys++ }
                    $0 ~ s "vendor_id" e { vendor++ }
                    $0 ~ s "model name" e { model++ }
                    $0 ~ s "processor" e { processor++ }
                    $0 ~ s "flags" e && $0 !~ /vme/ { novme++ }
                    $0 ~ s "(physical id|core id|cpu cores|siblings|ncpus active)" e { topology = topology "cpu-topology " $0 "\n" }
                    END {
                        printf "cpu-keys %d\ncpu-vendor-id %d\ncpu-model-name %d\ncpu-processor %d\ncpu-no-vme %d\n", keys, vendor, model, processor, novme
                        printf "cpu-xen %d\n%s", x, topology
                    }' /proc/cpuinfo
            fi
            if [ -r /proc/meminfo ]; then
                printf 'meminfo\n'
                while IFS= read -r l; do case $l in MemTotal:*) printf 'memtotal %s\n' "${l#MemTotal:}"; break ;; esac; done < /proc/meminfo
            fi
            for f in /etc/os-release /usr/lib/os-release /etc/lsb-release /etc/altlinux-release /etc/oracle-release \
                /etc/slackware-version /etc/centos-release /etc/redhat-release /etc/vmware-release /etc/openwrt_release \
                /etc/system-release /etc/alpine-release /etc/arch-release /etc/SuSE-release /etc/gentoo-release \
                /etc/sourcemage-release /etc/coreos/update.conf; do
                if [ -f "$f" ] && [ -r "$f" ]; then
                    if [ -s "$f" ]; then printf 'file 1 %s\n' "$f"; else printf 'file 0 %s\n' "$f"; fi
                    lines < "$f"
                fi
            done
            for f in /etc/*[-_]release /etc/*[-_]version; do
                [ -f "$f" ] && [ -r "$f" ] || continue
                if [ -s "$f" ]; then printf 'release %s\n' "${f##*/}"; first "$f"; else printf 'release-empty %s\n' "${f##*/}"; fi
            done
            if [ -f /etc/debian_version ]; then
                printf 'debian-version\n'
                first /etc/debian_version
            fi
            if command -v ip >/dev/null 2>&1; then
                printf 'ip\n'
                ip -4 route get 8.8.8.8 2>/dev/null | { IFS= read -r l; [ -n "$l" ] && printf 'route4 %s\n' "$l"; }
                ip -6 route get 2404:6800:400a:800::1012 2>/dev/null | { IFS= read -r l; [ -n "$l" ] && printf 'route6 %s\n' "$l"; }
                ip -o addr show 2>/dev/null | while IFS= read -r l; do printf 'addr %s\n' "$l"; done
            fi
            if [ -d /sys/class/net ]; then
                set -f
                ds=$(find /sys/class/net/. ! -name . -prune -print 2>/dev/null)
                if [ -z "$ds" ]; then set +f; ds=$(printf '%s\n' /sys/class/net/*); set -f; fi
                for p in $ds; do
                    d=${p##*/}
                    p=/sys/class/net/$d
                    [ -d "$p" ] || continue
                    printf 'dev %s\n' "$d"
                    for a in ifindex address mtu operstate type speed flags bridge/bridge_id bridge/stp_state bonding/slaves \
                        bonding/mode bonding/miimon bonding/lacp_rate bonding/primary bonding/all_slaves_active bonding_slave/perm_hwaddr; do
                        if [ -e "$p/$a" ]; then v=; IFS= read -r v 2>/dev/null < "$p/$a"; printf 'attr %s %s\n' "$a" "$v"; fi
                    done
                    for a in bridge bonding bonding_slave; do
                        if [ -e "$p/$a" ]; then printf 'attr %s\n' "$a"; fi
                    done
                    if [ -e "$p/device" ]; then
                        v=$(ls -ld "$p/device" 2>/dev/null)
                        case $v in *' -> '*) v=${v##* -> } ;; *) v=device ;; esac
                        printf 'attr device %s\n' "${v##*/}"
                    fi
                    if [ -e "$p/device/driver/module" ]; then
                        v=$(cd -P "$p/device/driver/module" 2>/dev/null && pwd -P)
                        printf 'attr device/driver/module %s\n' "${v##*/}"
                    fi
                    if [ -d "$p/brif" ]; then
                        for b in $(find "$p/brif/." ! -name . -prune -print 2>/dev/null); do printf 'port %s\n' "${b##*/}"; done
                    fi
                done
                set +f
            fi
            printf 'end\n'
        )

        """;
}
