using System.Text;
using Kolla.Inventory;
using Kolla.TestKit;

namespace Kolla.Tests.Inventory;

/// <summary>
/// Compares this implementation with the real ansible-inventory (ansible-core 2.14): the shipped
/// kolla-ansible inventories and seeded random ones, as <c>--list</c>, <c>--graph</c> and <c>--host</c> text.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AnsibleInventoryDifferentialTests
{
    // KOLLA_INVENTORY_RANDOM_CASES / KOLLA_INVENTORY_RANDOM_SEED widen the search when hunting a bug.
    private static readonly int RandomCases = EnvInt("KOLLA_INVENTORY_RANDOM_CASES", 80);
    private static readonly int FirstSeed = EnvInt("KOLLA_INVENTORY_RANDOM_SEED", 4000);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShippedInventories_ListGraphAndHost_MatchAnsible()
    {
        var oracle = AnsibleRequirement.Get();
        var allInOne = Path.Combine(RepositoryPaths.KollaAnsibleInputs, "all-in-one");
        var multinode = Path.Combine(RepositoryPaths.KollaAnsibleInputs, "multinode");
        var requests = new List<(string Name, string[] Args, Func<Task<string>> Ours)>();
        foreach (var sources in new[] { new[] { allInOne }, [multinode], [multinode, allInOne] })
        {
            var args = sources.SelectMany(s => new[] { "-i", s }).ToArray();
            var inventory = await InventoryLoader.LoadAsync(sources, Token);
            requests.Add(($"list {string.Join(' ', sources.Select(Path.GetFileName))}", [.. args, "--list"], () => Task.FromResult(AnsibleInventoryFormatter.FormatList(inventory))));
            requests.Add(("graph", [.. args, "--graph"], () => Task.FromResult(AnsibleInventoryFormatter.FormatGraph(inventory))));
            foreach (var group in new[] { "control", "nova", "neutron", "openvswitch", "baremetal" })
            {
                requests.Add(($"graph {group}", [.. args, "--graph", group], () => Task.FromResult(AnsibleInventoryFormatter.FormatGraph(inventory, group))));
            }

            foreach (var host in inventory.Hosts)
            {
                requests.Add(($"host {host.Name}", [.. args, "--host", host.Name], () => Task.FromResult(AnsibleInventoryFormatter.FormatHost(inventory, host.Name))));
            }
        }

        var runs = await oracle.RunManyAsync(requests.Select(r => (IReadOnlyList<string>)r.Args).ToList(), Token);

        for (var i = 0; i < requests.Count; i++)
        {
            runs[i].Succeeded.Should().BeTrue($"ansible-inventory {string.Join(' ', requests[i].Args)} failed: {runs[i].Error} {runs[i].Stderr}");
            (await requests[i].Ours()).Should().Be(runs[i].Stdout, requests[i].Name);
        }
    }

    [Fact]
    public async Task RealProgram_PrintsWhatTheBatchDriverPrints()
    {
        var oracle = AnsibleRequirement.Get();
        var multinode = Path.Combine(RepositoryPaths.KollaAnsibleInputs, "multinode");

        var program = await oracle.RunProgramAsync(["-i", multinode, "--list"], Token);
        var batch = await oracle.RunManyAsync([["-i", multinode, "--list"]], Token);

        program.ExitCode.Should().Be(0, program.Stderr);
        batch[0].Stdout.Should().Be(program.Stdout);
        var inventory = await InventoryLoader.LoadAsync(multinode, Token);
        AnsibleInventoryFormatter.FormatList(inventory).Should().Be(program.Stdout);
    }

    [Fact]
    public async Task RandomInventories_MatchAnsible()
    {
        var oracle = AnsibleRequirement.Get();
        var root = Directory.CreateTempSubdirectory("kolla-inventory-random-").FullName;
        var cases = Enumerable.Range(FirstSeed, RandomCases)
            .Select(seed => RandomInventory.Write(seed, Path.Combine(root, seed.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            .ToList();

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var requests = new List<(RandomInventoryCase Case, string What, string[] Args, string? Ours, string? OurError)>();
        foreach (var c in cases)
        {
            var args = c.InventoryArgs.ToArray();
            Kolla.Inventory.Inventory inventory;
            try
            {
                inventory = await InventoryLoader.LoadAsync(c.Sources, Token);
            }
            catch (InventoryException e)
            {
                requests.Add((c, "list", [.. args, "--list"], null, e.Message));
                continue;
            }

            requests.Add((c, "list", [.. args, "--list"], AnsibleInventoryFormatter.FormatList(inventory), null));
            requests.Add((c, "graph", [.. args, "--graph"], AnsibleInventoryFormatter.FormatGraph(inventory), null));
            var random = new Random(c.Seed);
            if (inventory.Hosts.Count > 0)
            {
                var host = inventory.Hosts[random.Next(inventory.Hosts.Count)].Name;
                requests.Add((c, $"host {host}", [.. args, "--host", host], AnsibleInventoryFormatter.FormatHost(inventory, host), null));
            }

            var groups = inventory.Groups.Keys.ToList();
            var group = groups[random.Next(groups.Count)];
            requests.Add((c, $"graph {group}", [.. args, "--graph", group], AnsibleInventoryFormatter.FormatGraph(inventory, group), null));
        }

        var ourTime = watch.Elapsed;
        var runs = await oracle.RunManyAsync(requests.Select(r => (IReadOnlyList<string>)r.Args).ToList(), Token);
        TestContext.Current.TestOutputHelper?.WriteLine($"ours {ourTime}, ansible {watch.Elapsed - ourTime}");

        var failures = new StringBuilder();
        var agreedErrors = 0;
        for (var i = 0; i < requests.Count; i++)
        {
            var (c, what, _, ours, ourError) = requests[i];
            var theirs = runs[i];
            if (ourError is not null || !theirs.Succeeded)
            {
                if (ourError is not null && !theirs.Succeeded)
                {
                    agreedErrors++;
                    continue;
                }

                failures.AppendLine($"{c} {what}: ours {(ourError ?? "succeeded")}; ansible {(theirs.Succeeded ? "succeeded" : theirs.Error + " " + theirs.Stderr)}");
                continue;
            }

            if (ours != theirs.Stdout)
            {
                failures.AppendLine($"{c} {what}: output differs\n{FirstDifference(theirs.Stdout, ours!)}");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{requests.Count} comparisons over {cases.Count} random inventories ({agreedErrors} rejected by both)");
        failures.ToString().Should().BeEmpty($"{requests.Count} comparisons over {cases.Count} random inventories ({agreedErrors} rejected by both)");
        Directory.Delete(root, recursive: true);
    }

    private static readonly (string FileName, string Text)[] BrokenInventories =
    [
        ("hosts", "[web]\nweb[1:]\n"),
        ("hosts", "[web]\nweb[a:5]\n"),
        ("hosts", "[web]\nweb[01:100]\n"),
        ("hosts", "[web]\nweb[c:a]\n"),
        ("hosts", "[web]\nweb1 novalue\n"),
        ("hosts", "[web]\nweb1\n[web:vars]\nnoequals\n"),
        ("hosts", "# comment\n[web:weird]\nx\n"),
        ("hosts", "[a:children]\nb\n[x]\nh\n"),
        ("hosts", "[a:children]\nb\n[b:vars]\nx=1\n"),
        ("hosts", "[a]\nh\n\n[ghost:vars]\nx=1\n"),
        ("hosts", "[a:children]\nb\n[b:children]\na\n"),
        ("hosts", "[a:children]\na\n"),
        ("hosts", "[a]\nh\n[bad section]\n"),
        ("hosts", "[a]\nh x=\"abc\n"),
        ("hosts", "[a]\nhost:\n"),
        ("hosts", "[a:children]\nb c\n"),
        ("hosts", "[g]\nh\n[g:vars]\nansible_group_priority=high\n"),
        ("hosts.yml", "web:\n  hosts:\n    - a\n"),
        ("hosts.yml", "web:\n  hosts:\n    1:\n"),
        ("hosts.yml", "web:\n  hosts:\n    a: [1]\n"),
        ("hosts.yml", "a:\n  children:\n    b:\n      children:\n        a:\n"),
        ("hosts.yml", "plugin: aws_ec2\n"),
        ("hosts.yml", "- a\n- b\n"),
        ("hosts.yml", "a: [unclosed\n"),
    ];

    [Fact]
    public async Task BrokenInventories_RejectedLikeAnsible_AtTheSameLine()
    {
        var oracle = AnsibleRequirement.Get();
        var root = Directory.CreateTempSubdirectory("kolla-inventory-broken-").FullName;
        var paths = BrokenInventories.Select((c, i) =>
        {
            var path = Path.Combine(root, i.ToString(System.Globalization.CultureInfo.InvariantCulture), c.FileName);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, c.Text);
            return path;
        }).ToList();

        var runs = await oracle.RunManyAsync(paths.Select(p => (IReadOnlyList<string>)["-i", p, "--list"]).ToList(), Token);

        for (var i = 0; i < paths.Count; i++)
        {
            var path = paths[i];
            var because = $"{BrokenInventories[i].Text}";
            runs[i].Succeeded.Should().BeFalse($"ansible-inventory must reject it too: {because}");
            var ours = await Record.ExceptionAsync(() => InventoryLoader.LoadAsync(path, Token));
            var error = ours.Should().BeOfType<InventoryException>($"we must reject {because}").Subject;
            error.File.Should().Be(path);
            error.Message.Should().StartWith(error.Line is null ? path : $"{path}:{error.Line}:");
            var located = System.Text.RegularExpressions.Regex.Match(
                runs[i].Stderr.ReplaceLineEndings(" "), System.Text.RegularExpressions.Regex.Escape(path) + @":(\d+):");
            if (located.Success)
            {
                error.Line.Should().Be(int.Parse(located.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), runs[i].Stderr);
            }
        }

        Directory.Delete(root, recursive: true);
    }

    private static int EnvInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;

    internal static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end>";
            var al = i < a.Length ? a[i] : "<end>";
            if (el != al)
            {
                var from = Math.Max(0, i - 3);
                return $"  line {i + 1}: ansible: {el}\n  line {i + 1}: ours:    {al}\n  ansible context:\n    "
                    + string.Join("\n    ", e.Skip(from).Take(8));
            }
        }

        return "(identical)";
    }
}
