using System.Text;
using System.Text.Json.Nodes;
using Kolla.Configuration;
using Kolla.Manifests;
using Kolla.Planning;
using Kolla.Services;

namespace Kolla.Tests.Planning;

/// <summary>
/// Every generated config.json parses as JSON, reads back into the same manifest and passes
/// <see cref="ConfigManifestValidator"/>; every file produced by an INI merge parses with our oslo.config parser
/// and writes back to the same bytes.
/// </summary>
public class GeneratedFilesValidityTests
{
    public static TheoryData<string> SampleNames => [Samples.AllInOne, Samples.Multinode];

    [Theory]
    [MemberData(nameof(SampleNames))]
    public async Task Every_ConfigJsonIsValid(string sample)
    {
        var inputs = await Samples.LoadAsync(sample, TestContext.Current.CancellationToken);
        var plan = DeploymentPlanner.Plan(inputs);
        var containerConfigDirectory = "/var/lib/kolla/config_files";

        var checkedCount = 0;
        foreach (var host in plan.Hosts)
        {
            foreach (var container in host.Containers)
            {
                var where = $"{host.Host}/{container.Key}";
                var json = container.Files.Single(f => f.Path == container.ConfigDirectory + "/config.json");
                var text = Encoding.UTF8.GetString(json.Content.Span);
                var manifest = ConfigManifestReader.Read(text);
                var produced = container.Files.Select(f => PlanTrees.FileName(container, f)).Where(f => f != "config.json").ToList();

                ConfigManifestValidator.Validate(manifest, containerConfigDirectory, produced).Should().BeEmpty(where);
                JsonNode.DeepEquals(JsonNode.Parse(ConfigManifestWriter.Write(manifest)), JsonNode.Parse(text)).Should().BeTrue($"{where}: config.json holds nothing the manifest model does not");
                foreach (var entry in manifest.ConfigFiles.Where(e => e.Source.StartsWith(containerConfigDirectory + "/", StringComparison.Ordinal) && !e.Optional && !e.Source.EndsWith('/')))
                {
                    produced.Should().Contain(entry.Source[(containerConfigDirectory.Length + 1)..], $"{where}: a required source is generated");
                }

                checkedCount++;
            }
        }

        checkedCount.Should().BeGreaterThan(20);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public async Task Every_IniMergedFileParsesAndWritesBackIdentically(string sample)
    {
        var inputs = await Samples.LoadAsync(sample, TestContext.Current.CancellationToken);
        var plan = DeploymentPlanner.Plan(inputs);

        var parsed = new List<string>();
        foreach (var (host, container, file) in PlanTrees.Files(plan))
        {
            var definition = Definition(inputs.Catalogue, container, PlanTrees.FileName(container, file));
            if (definition?.Merge != FileMergeKind.Ini)
            {
                continue;
            }

            var text = Encoding.UTF8.GetString(file.Content.Span);
            var where = $"{host}/{container.Key}/{definition.Dest}";
            var document = IniDocument.Parse(text, where);

            document.IsEmpty.Should().BeFalse(where);
            document.ToText().Should().Be(text, where);
            parsed.Add(where);
        }

        parsed.Should().Contain(p => p.EndsWith("/nova-compute/nova.conf", StringComparison.Ordinal))
            .And.Contain(p => p.EndsWith("/keystone/keystone.conf", StringComparison.Ordinal))
            .And.Contain(p => p.EndsWith("/neutron-server/neutron.conf", StringComparison.Ordinal));
    }

    private static ServiceFileDefinition? Definition(ServiceCatalogue catalogue, ContainerPlan container, string fileName) =>
        catalogue.Find(container.Service)!.Containers.Single(c => c.Key == container.Key).Files.FirstOrDefault(f => f.Dest == fileName);
}
