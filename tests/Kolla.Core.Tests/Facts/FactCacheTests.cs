using Kolla.Facts;

namespace Kolla.Core.Tests.Facts;

public sealed class FactCacheTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kolla-fact-cache-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TryLoadAsync_NoFile_ReturnsNull()
    {
        (await new FactCache(_dir).TryLoadAsync("node1", Token)).Should().BeNull();
        (await new FactCache(Path.Combine(_dir, "absent")).TryLoadAsync("node1", Token)).Should().BeNull();
    }

    [Fact]
    public async Task Ansible_219CacheIsReadAndWrittenInItsOwnLayout()
    {
        // ansible-core 2.19: "s1_<host>", the facts JSON-encoded under "__payload__".
        await File.WriteAllTextAsync(Path.Combine(_dir, "s1_node1"), "{\"__payload__\": \"{\\\"ansible_hostname\\\": \\\"n1\\\", \\\"ansible_processor_vcpus\\\": 4, \\\"module_setup\\\": true}\"}", Token);
        var cache = new FactCache(_dir);

        var node1 = await cache.TryLoadAsync("node1", Token);
        await cache.SaveAsync(new HostFacts("node2", new Dictionary<string, object?> { ["hostname"] = "n2" }), Token);

        node1!.Hostname.Should().Be("n1");
        node1.ProcessorVcpus.Should().Be(4);
        File.Exists(Path.Combine(_dir, "node2")).Should().BeFalse("a 2.19 cache gets 2.19 files");
        (await File.ReadAllTextAsync(Path.Combine(_dir, "s1_node2"), Token)).Should().Be("{\n    \"__payload__\": \"{\\\"ansible_hostname\\\": \\\"n2\\\"}\"\n}");
        (await cache.TryLoadAsync("node2", Token))!.Hostname.Should().Be("n2");
    }

    [Fact]
    public async Task TryLoadAsync_BadJson_NamesTheFileAndLine()
    {
        var path = Path.Combine(_dir, "node1");
        await File.WriteAllTextAsync(path, "{\n    \"ansible_hostname\": \"node1\",\n    oops\n}", Token);

        var act = () => new FactCache(_dir).TryLoadAsync("node1", Token);

        (await act.Should().ThrowAsync<FactsException>()).Which.Message.Should().StartWith($"{path}:3: not a valid fact cache file");
    }

    [Fact]
    public async Task TryLoadAsync_NotAnObject_NamesTheFile()
    {
        var path = Path.Combine(_dir, "node1");
        await File.WriteAllTextAsync(path, "[1, 2]", Token);

        var act = () => new FactCache(_dir).TryLoadAsync("node1", Token);

        (await act.Should().ThrowAsync<FactsException>()).WithMessage($"{path}: not a valid fact cache file: the JSON value is not an object");
    }

    [Fact]
    public async Task TryLoadAsync_StripsThePrefix_KeepsAnsiblesOwnKeys_AndReadsUnsafeMarkers()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "node1"), """
            {"ansible_hostname": "node1", "ansible_local": {}, "module_setup": true, "ansible_mtu": 1500, "ansible_load": 0.5,
             "ansible_note": {"__ansible_unsafe": "{{ raw }}"}}
            """, Token);

        var facts = await new FactCache(_dir).TryLoadAsync("node1", Token);

        facts!.Host.Should().Be("node1");
        facts.Values.Keys.Should().Equal("hostname", "ansible_local", "module_setup", "mtu", "load", "note");
        facts.Values["mtu"].Should().Be(1500L);
        facts.Values["load"].Should().Be(0.5);
        facts.Values["note"].Should().Be("{{ raw }}");
        facts.Hostname.Should().Be("node1");
    }

    [Fact]
    public async Task SaveAsync_ThenTryLoadAsync_RoundTrips_Atomically_WithMode0600()
    {
        var cache = new FactCache(Path.Combine(_dir, "new", "dir"));
        var facts = Sample("node1");

        await cache.SaveAsync(facts, Token);
        var loaded = await cache.TryLoadAsync("node1", Token);

        FactsDiff.All(facts, loaded!).Should().BeEmpty();
        Directory.GetFileSystemEntries(cache.Directory).Select(Path.GetFileName).Should().Equal("node1");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(cache.Directory, "node1")).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var text = await File.ReadAllTextAsync(Path.Combine(cache.Directory, "node1"), Token);
        text.Should().StartWith("{\n    \"ansible_all_ipv4_addresses\": [\n        \"10.0.0.5\"\n    ],")
            .And.Contain("\"module_setup\": true").And.Contain("\"ansible_note\": \"caf\\u00e9\"").And.EndWith("}");
    }

    [Fact]
    public async Task SaveAsync_AnsibleReadsTheCache()
    {
        AnsibleSetup.Require();
        var cache = Path.Combine(_dir, "cache");
        await new FactCache(cache).SaveAsync(Sample("localhost", hostname: "kf-pinned-host"), Token);

        var result = await AnsibleSetup.RunAsync(cache, "debug", "var=ansible_facts.hostname", null,
            new Dictionary<string, string?> { ["ANSIBLE_GATHERING"] = "explicit" }, Token);

        result.StandardOutput.Should().Contain("\"ansible_facts.hostname\": \"kf-pinned-host\"");
    }

    [Fact]
    public async Task SaveAsync_OfAnAnsibleWrittenCache_WritesTheSameBytes()
    {
        AnsibleSetup.Require();
        var cache = Path.Combine(_dir, "ansible");
        await AnsibleSetup.RunAsync(cache, "setup", null, null, null, Token);
        var facts = await new FactCache(cache).TryLoadAsync("localhost", Token);

        await new FactCache(Path.Combine(_dir, "ours")).SaveAsync(facts!, Token);

        var ours = await File.ReadAllTextAsync(Path.Combine(_dir, "ours", "localhost"), Token);
        ours.Should().Be(await File.ReadAllTextAsync(Path.Combine(cache, "localhost"), Token));
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("a/b")]
    public async Task TryLoadAsync_HostThatCannotNameAFile_Throws(string host)
    {
        var act = () => new FactCache(_dir).TryLoadAsync(host, Token);

        await act.Should().ThrowAsync<ArgumentException>();
    }

    private static HostFacts Sample(string host, string hostname = "node1") => new(host, new OrderedDictionary<string, object?>(StringComparer.Ordinal)
    {
        ["hostname"] = hostname,
        ["processor_vcpus"] = 8L,
        ["memtotal_mb"] = 16000L,
        ["note"] = "café",
        ["load"] = 0.25,
        ["nothing"] = null,
        ["module_setup"] = true,
        ["all_ipv4_addresses"] = new List<object?> { "10.0.0.5" },
        ["default_ipv4"] = new OrderedDictionary<string, object?>(StringComparer.Ordinal) { ["address"] = "10.0.0.5", ["mtu"] = 1500L },
    });
}
