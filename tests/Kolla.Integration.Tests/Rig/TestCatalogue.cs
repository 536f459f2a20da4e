namespace Kolla.Tests.Rig;

/// <summary>
/// A small catalogue overlay of busybox services shaped like Kolla's (config files, volumes, a bootstrap one-shot,
/// a health check, a restart-held container, a worker that exits at once when its config says <c>threads = 0</c>), written
/// as <c>service.yml</c> files and templates. The images have no <c>kolla_start</c>, so every container runs its
/// <c>command</c> (<c>sleep</c>, <c>httpd</c>) directly.
/// </summary>
/// <remarks>
/// Container and volume names carry a per-deployment prefix so deployments never collide on a shared engine;
/// containers carry the engine fixture's run label so its clean-up removes them.
/// </remarks>
internal static class TestCatalogue
{
    /// <summary>The services, in dependency order.</summary>
    public static IReadOnlyList<string> Services { get; } = ["ktdb", "ktapi", "ktweb", "ktlibvirt"];

    /// <summary>Container keys, in deploy order.</summary>
    public static IReadOnlyList<string> Containers { get; } = ["ktdb", "ktapi", "ktworker", "ktweb", "ktlibvirt"];

    /// <summary>Writes the overlay into <paramref name="directory"/>.</summary>
    public static void Write(string directory, string prefix, string runLabel)
    {
        foreach (var (path, text) in Files)
        {
            var target = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, text.Replace("@P@", prefix, StringComparison.Ordinal).Replace("@RUN@", runLabel, StringComparison.Ordinal));
        }
    }

    private static readonly (string Path, string Text)[] Files =
    [
        ("ktdb/service.yml", """
            service: ktdb
            after: []
            restart: serial
            defaults:
              kt_greeting: "hello"
              ktdb_image_full: "{{ docker_image_url }}mariadb-server:{{ openstack_tag }}"
              ktdb_bootstrap_exit: 0
            containers:
              ktdb:
                container_name: "@P@ktdb"
                group: kt
                image: "{{ ktdb_image_full }}"
                command: "sh -c 'trap \"echo reloaded >> /tmp/reloads\" HUP; trap exit TERM; while :; do sleep 3600 & wait; done'"
                reload_after: ["@P@bootstrap_ktdb"]
                volumes:
                  - "{{ node_config_directory }}/ktdb/:{{ container_config_directory }}/:ro"
                  - "@P@ktdb_data:/var/lib/ktdb"
                labels:
                  kolla.test.run: "@RUN@"
                files:
                  - dest: ktdb.cnf
                    template: ktdb.cnf.j2
                    merge: ini
                    overrides: ["ktdb.cnf", "ktdb/{{ inventory_hostname }}/ktdb.cnf"]
                config_json:
                  command: "sh -c 'trap \"echo reloaded >> /tmp/reloads\" HUP; trap exit TERM; while :; do sleep 3600 & wait; done'"
                  config_files:
                    - { source: ktdb.cnf, dest: /etc/ktdb/ktdb.cnf, owner: root, perm: "0600" }
            bootstrap:
              - name: "@P@bootstrap_ktdb"
                container: ktdb
                environment:
                  KOLLA_BOOTSTRAP: ~
                command: "sh -c 'echo initialising ktdb on {{ inventory_hostname }}; cat /var/lib/kolla/config_files/ktdb.cnf; exit {{ ktdb_bootstrap_exit }}'"
                timeout: 60
            """),
        ("ktdb/templates/ktdb.cnf.j2", """
            [mysqld]
            datadir = /var/lib/ktdb
            greeting = {{ kt_greeting }}

            [client]
            user = root
            password = {{ ktdb_password }}

            """),
        ("ktapi/service.yml", """
            service: ktapi
            after: [ktdb]
            restart: parallel
            defaults:
              ktapi_mode: "normal"
              ktworker_threads: 2
              ktworker_extra_volume: ""
            containers:
              ktapi:
                container_name: "@P@ktapi"
                group: kt
                image: "{{ docker_image_url }}keystone:{{ openstack_tag }}"
                command: "sh -c 'trap exit TERM; sleep 3600 & wait'"
                environment:
                  KTAPI_MODE: "{{ ktapi_mode }}"
                volumes:
                  - "{{ node_config_directory }}/ktapi/:{{ container_config_directory }}/:ro"
                  - "@P@kolla_logs:/var/log/kolla/"
                labels:
                  kolla.test.run: "@RUN@"
                files:
                  - dest: ktapi.conf
                    template: ktapi.conf.j2
                    merge: ini
                    overrides: ["global.conf", "ktapi.conf", "ktapi/{{ inventory_hostname }}/ktapi.conf"]
                  - dest: policy.yaml
                    merge: first_found
                    overrides: ["ktapi/{{ inventory_hostname }}/policy.yaml", "ktapi/policy.yaml"]
                config_json:
                  command: "sh -c 'trap exit TERM; sleep 3600 & wait'"
                  config_files:
                    - { source: ktapi.conf, dest: /etc/ktapi/ktapi.conf, owner: root, perm: "0600" }
                    - { source: policy.yaml, dest: /etc/ktapi/policy.yaml, owner: root, perm: "0600", optional: true }
              ktworker:
                container_name: "@P@ktworker"
                group: kt
                image: "{{ docker_image_url }}keystone:{{ openstack_tag }}"
                command: "sh -c 'if grep -q \"^threads = 0\" {{ container_config_directory }}/ktworker.conf; then echo \"ktworker: threads must be at least 1\"; exit 3; fi; trap exit TERM; sleep 3600 & wait'"
                volumes:
                  - "{{ node_config_directory }}/ktworker/:{{ container_config_directory }}/:ro"
                  - "@P@kolla_logs:/var/log/kolla/"
                  - "{{ ktworker_extra_volume }}"
                labels:
                  kolla.test.run: "@RUN@"
                files:
                  - dest: ktworker.conf
                    template: ktworker.conf.j2
                    merge: ini
                    overrides: ["global.conf", "ktworker.conf"]
                config_json:
                  command: "sh -c 'trap exit TERM; sleep 3600 & wait'"
                  config_files:
                    - { source: ktworker.conf, dest: /etc/ktapi/ktworker.conf, owner: root, perm: "0600" }
            """),
        ("ktapi/templates/ktapi.conf.j2", """
            [DEFAULT]
            debug = False
            greeting = {{ kt_greeting }}

            [database]
            connection = ktdb://ktapi:{{ ktdb_password }}@127.0.0.1/ktapi

            """),
        ("ktapi/templates/ktworker.conf.j2", """
            [DEFAULT]
            greeting = {{ kt_greeting }}
            threads = {{ ktworker_threads }}

            """),
        ("ktweb/service.yml", """
            service: ktweb
            after: [ktapi]
            restart: parallel
            defaults:
              ktweb_port: 18080
              ktweb_health_path: "index.html"
            containers:
              ktweb:
                container_name: "@P@ktweb"
                group: kt
                image: "{{ docker_image_url }}horizon:{{ openstack_tag }}"
                command: "sh -c 'trap exit TERM; httpd -f -p 127.0.0.1:{{ ktweb_port }} -h {{ container_config_directory }} & wait'"
                volumes:
                  - "{{ node_config_directory }}/ktweb/:{{ container_config_directory }}/:ro"
                labels:
                  kolla.test.run: "@RUN@"
                healthcheck:
                  test: ["CMD-SHELL", "wget -q -O /dev/null http://127.0.0.1:{{ ktweb_port }}/{{ ktweb_health_path }}"]
                  interval: 1
                  timeout: 5
                  retries: 3
                  start_period: 1
                files:
                  - dest: index.html
                    template: index.html.j2
                    merge: template
                    mode: "0664"
                config_json:
                  command: "httpd -f"
                  config_files:
                    - { source: index.html, dest: /var/www/index.html, owner: root, perm: "0644" }
            """),
        ("ktweb/templates/index.html.j2", """
            <html><body>{{ kt_greeting }} from {{ inventory_hostname }}</body></html>

            """),
        ("ktlibvirt/service.yml", """
            service: ktlibvirt
            after: []
            restart: parallel
            defaults:
              ktlibvirt_listen: 0
              ktlibvirt_mode: "vms"
            containers:
              ktlibvirt:
                container_name: "@P@ktlibvirt"
                group: kt
                image: "{{ docker_image_url }}rabbitmq:{{ openstack_tag }}"
                restart: spec-change-only
                command: "sh -c 'trap exit TERM; sleep 3600 & wait'"
                environment:
                  KTLIBVIRT_MODE: "{{ ktlibvirt_mode }}"
                volumes:
                  - "{{ node_config_directory }}/ktlibvirt/:{{ container_config_directory }}/:ro"
                labels:
                  kolla.test.run: "@RUN@"
                files:
                  - dest: libvirtd.conf
                    template: libvirtd.conf.j2
                    merge: template
                config_json:
                  command: "sh -c 'trap exit TERM; sleep 3600 & wait'"
                  config_files:
                    - { source: libvirtd.conf, dest: /etc/libvirt/libvirtd.conf, owner: root, perm: "0600" }
            """),
        ("ktlibvirt/templates/libvirtd.conf.j2", """
            listen_tcp = {{ ktlibvirt_listen }}
            greeting = "{{ kt_greeting }}"

            """),
    ];
}
