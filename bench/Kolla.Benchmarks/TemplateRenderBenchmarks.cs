using BenchmarkDotNet.Attributes;
using Kolla.Globals;
using Kolla.Templates;
using Kolla.Variables;

namespace Kolla.Benchmarks;

/// <summary>
/// Config rendering: compiling a nova.conf-like Jinja template, and rendering it for one host of a
/// 100-host inventory (lookups into groups and hostvars, lazily evaluated globals and defaults); the same render with
/// the passwords followed as secrets (the planner's setting: the template reads one, so taint is tracked).
/// </summary>
[MemoryDiagnoser]
public class TemplateRenderBenchmarks
{
    private const string Template = """
        [DEFAULT]
        debug = {{ openstack_logging_debug }}
        my_ip = {{ api_interface_address }}
        transport_url = {{ om_rpc_transport }}://{% for host in groups['rabbitmq'] %}{{ rabbitmq_user }}:{{ rabbitmq_password }}@{{ 'api' | kolla_address(host) | put_address_in_context('url') }}:{{ rabbitmq_port }}{% if not loop.last %},{% endif %}{% endfor %}/

        [database]
        connection = mysql+pymysql://nova:{{ nova_database_password }}@{{ kolla_internal_fqdn | put_address_in_context('url') }}:{{ database_port }}/nova

        [cache]
        memcache_servers = {% for host in groups['memcached'] %}{{ 'api' | kolla_address(host) | put_address_in_context('memcache') }}:{{ memcached_port }}{% if not loop.last %},{% endif %}{% endfor %}


        [libvirt]
        {% if nova_compute_virt_type in ['kvm', 'qemu'] %}
        virt_type = {{ nova_compute_virt_type }}
        {% endif %}
        images = {{ 'rbd' if enable_cinder | bool else 'qcow2' }}
        """;

    private TemplateRenderer _renderer = null!;
    private CompiledTemplate _compiled = null!;
    private CompiledTemplate _compiledWithSecrets = null!;
    private VariableContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        _renderer = new TemplateRenderer();
        _compiled = _renderer.Compile(Template, "nova.conf.j2");
        _compiledWithSecrets = new TemplateRenderer(new TemplateRendererOptions { Secrets = new TemplateSecrets(["rabbit", "db"]) }).Compile(Template, "nova.conf.j2");
        var globals = KollaGlobals.Parse("kolla_internal_vip_address: 10.0.0.250\n");
        var hosts = Enumerable.Range(1, 100)
            .Select(i => new InventoryHostInput($"node{i:000}", new Dictionary<string, object?>(), new Dictionary<string, object?> { ["ansible_host"] = $"10.0.{i / 250}.{(i % 250) + 1}" }))
            .ToList();
        // kolla_address reads the address from the host's facts (eth0, the default network_interface).
        var facts = hosts.ToDictionary(
            h => h.Name,
            h => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["eth0"] = new Dictionary<string, object?> { ["ipv4"] = new Dictionary<string, object?> { ["address"] = h.HostVars["ansible_host"] } },
            });
        var controllers = hosts.Take(3).Select(h => h.Name).ToList();
        var groups = new Dictionary<string, IReadOnlyList<string>> { ["rabbitmq"] = controllers, ["memcached"] = controllers, ["compute"] = hosts.Skip(3).Select(h => h.Name).ToList() };
        _context = new VariableContextBuilder()
            .AddDefaults(KollaGlobals.Defaults)
            .WithGlobals(globals.Variables)
            .WithInventory(new InventoryInput(hosts, groups))
            .WithPasswords(new Dictionary<string, object?> { ["rabbitmq_password"] = "rabbit", ["nova_database_password"] = "db" })
            .WithFacts(facts)
            .Build();
    }

    [Benchmark]
    public CompiledTemplate Compile() => _renderer.Compile(Template, "nova.conf.j2");

    [Benchmark]
    public string RenderOneHost() => _compiled.Render(_context.ForHost("node042"));

    [Benchmark]
    public string RenderOneHostWithSecrets() => _compiledWithSecrets.Render(_context.ForHost("node042"));
}
