using Kolla.Configuration;

namespace Kolla.Tests.Configuration;

/// <summary>Layering rules of merge_configs (KOLLA-REFERENCE-A 1.3 and the worked examples).</summary>
public sealed class IniMergerTests
{
    [Fact]
    public void Merge_TemplateGlobalAndServiceOverride_LaterWinsAndNewKeysAppend()
    {
        var text = Ini.Text(
            "[DEFAULT]\ndebug = False\nlog_dir = /var/log/kolla/nova\n\n[database]\nconnection = mysql+pymysql://nova:pw@db/nova\nmax_retries = -1\n",
            "[database]\nmax_pool_size = 50\n",
            "# per-project override\n[DEFAULT]\ndebug = True\n\n[scheduler]\nmax_attempts = 10\n");

        text.Should().Be("[DEFAULT]\ndebug = True\nlog_dir = /var/log/kolla/nova\n\n[database]\nconnection = mysql+pymysql://nova:pw@db/nova\nmax_retries = -1\nmax_pool_size = 50\n\n[scheduler]\nmax_attempts = 10\n\n");
    }

    [Fact]
    public void Merge_LaterFileRedefinesKey_KeepsFirstPosition()
    {
        Ini.Text("[a]\nx = 1\ny = 2\n", "[a]\nx = 3\n").Should().Be("[a]\nx = 3\ny = 2\n\n");
    }

    [Fact]
    public void Merge_MultiValuedKey_IsReplacedAsAWhole()
    {
        Ini.Text("[filter]\nenabled = A\nenabled = B\nmode = x\n", "[filter]\nenabled = C\n").Should().Be("[filter]\nenabled = C\nmode = x\n\n");
    }

    [Fact]
    public void Merge_LaterEmptyValue_SetsEmptyNeverDeletes()
    {
        Ini.Text("[a]\nk = v\nafter = 1\n", "[a]\nk =\n").Should().Be("[a]\nk =\nafter = 1\n\n");
    }

    [Fact]
    public void Merge_SectionOrder_IsFirstSeenOverAllSources()
    {
        Ini.Text("[b]\nx = 1\n", "[a]\ny = 1\n[b]\nz = 1\n").Should().Be("[b]\nx = 1\nz = 1\n\n[a]\ny = 1\n\n");
    }

    [Fact]
    public void Merge_CaseVariantsAreDifferentSections()
    {
        Ini.Text("[default]\nA = 1\n[DEFAULT]\na = 2\n", "[DEFAULT]\nA = 3\n").Should().Be("[default]\nA = 1\n\n[DEFAULT]\na = 2\nA = 3\n\n");
    }

    [Fact]
    public void Merge_OrphanKeysFirstSeen_StayFirst()
    {
        Ini.Text("top = 1\n[s]\nk = v\n", "top = 2\n").Should().Be("top = 2\n\n[s]\nk = v\n\n");
    }

    [Fact]
    public void Merge_OrphanKeysOnlyInLaterFile_AreAppendedAfterTheLastSection()
    {
        Ini.Text("[s]\nk = v\n", "stray = 1\n").Should().Be("[s]\nk = v\n\nstray = 1\n\n");
    }

    [Fact]
    public void Merge_EmptySectionInLaterFile_IsAppended()
    {
        Ini.Text("[a]\nk = v\n", "[b]\n").Should().Be("[a]\nk = v\n\n[b]\n\n");
    }

    [Fact]
    public void Merge_MissingSources_AreSkippedAndListed()
    {
        var document = IniMerger.Merge([ConfigSource.FromText("t", "[a]\nk = 1\n"), ConfigSource.Missing("gone"), ConfigSource.FromText("o", "[a]\nk = 2\n")]);

        document.ToText().Should().Be("[a]\nk = 2\n\n");
        document.Sources.Should().Equal("t", "o");
        document.MissingSources.Should().Equal("gone");
    }

    [Fact]
    public void Merge_AllSourcesMissing_WritesAnEmptyFile()
    {
        var document = IniMerger.Merge([ConfigSource.Missing("a"), ConfigSource.Missing("b")]);

        document.IsEmpty.Should().BeTrue();
        document.ToText().Should().BeEmpty();
    }

    [Fact]
    public void Merge_Renderer_RendersEachExistingSourceBeforeParsing()
    {
        var calls = new List<string>();
        var options = new IniMergeOptions
        {
            Renderer = (name, text) =>
            {
                calls.Add(name);
                return text.Replace("{{ debug }}", "True", StringComparison.Ordinal);
            },
        };

        var document = IniMerger.Merge([ConfigSource.FromText("t.j2", "[DEFAULT]\ndebug = {{ debug }}\n"), ConfigSource.Missing("gone")], options);

        calls.Should().Equal("t.j2");
        document.ToText().Should().Be("[DEFAULT]\ndebug = True\n\n");
    }

    [Fact]
    public void Merge_RendererOutputErrors_NameTheSourceAndRenderedLine()
    {
        var options = new IniMergeOptions { Renderer = (_, text) => "[a]\n" + text };

        var act = () => IniMerger.Merge([ConfigSource.FromText("x.j2", "broken\n")], options);

        act.Should().Throw<ConfigMergeException>().Which.Message.Should().StartWith("x.j2:2: ");
    }

    [Fact]
    public void Merge_TrackShadowed_RecordsWhatEachLaterSourceReplaced()
    {
        var sources = new[]
        {
            ConfigSource.FromText("nova.conf.j2", "[DEFAULT]\ndebug = False\n"),
            ConfigSource.FromText("global.conf", "[DEFAULT]\n\ndebug = True\n"),
            ConfigSource.FromText("nova.conf", "[DEFAULT]\ndebug = 1\ndebug = 2\n"),
        };

        var entry = IniMerger.Merge(sources, new IniMergeOptions { TrackShadowed = true }).FindEntry("DEFAULT", "debug")!;

        entry.Values.Select(v => v.Origin.ToString()).Should().Equal("nova.conf:2", "nova.conf:3");
        entry.Shadowed.Select(s => s.Source).Should().Equal("nova.conf.j2", "global.conf");
        entry.Shadowed[1].Values.Single().Origin.Line.Should().Be(3);
        entry.Shadowed[1].Values.Single().Lines.Should().Equal("True");
    }

    [Fact]
    public void Merge_WithoutTracking_KeepsNoHistory()
    {
        Ini.Merge("[a]\nk = 1\n", "[a]\nk = 2\n").FindEntry("a", "k")!.Shadowed.Should().BeEmpty();
    }

    [Fact]
    public async Task MergeFilesAsync_ReadsFilesAndSkipsMissingOnes()
    {
        var dir = Directory.CreateTempSubdirectory("kolla-ini-");
        try
        {
            var first = Path.Combine(dir.FullName, "a.conf");
            await File.WriteAllTextAsync(first, "[a]\r\nk = 1\r\n", TestContext.Current.CancellationToken);

            var document = await IniMerger.MergeFilesAsync([first, Path.Combine(dir.FullName, "missing.conf")], cancellationToken: TestContext.Current.CancellationToken);

            document.ToText().Should().Be("[a]\nk = 1\n\n");
            document.MissingSources.Should().ContainSingle();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task MergeFilesAsync_DirectorySource_FailsNamingIt()
    {
        var dir = Directory.CreateTempSubdirectory("kolla-ini-");
        try
        {
            var act = () => IniMerger.MergeFilesAsync([dir.FullName], cancellationToken: TestContext.Current.CancellationToken);

            (await act.Should().ThrowAsync<ConfigMergeException>()).Which.Source.Should().Be(dir.FullName);
        }
        finally
        {
            dir.Delete();
        }
    }

    [Theory]
    [InlineData("DEFAULT.debug", "DEFAULT", "debug")]
    [InlineData("filter:authtoken.paste.filter_factory", "filter:authtoken", "paste.filter_factory")]
    [InlineData("a.b.c", "a.b", "c")]
    [InlineData("top", "", "top")]
    public void FindDotted_SectionAndKeyNamesWithDots_FindTheEntry(string dotted, string section, string key)
    {
        var document = Ini.Merge("top = 1\n[DEFAULT]\ndebug = 1\n[filter:authtoken]\npaste.filter_factory = x\n[a.b]\nc = 1\n");

        var found = document.FindDotted(dotted);

        found.Should().NotBeNull();
        found!.Value.Section.Name.Should().Be(section);
        found.Value.Entry.Key.Should().Be(key);
    }

    [Fact]
    public void FindDotted_UnknownKey_IsNull()
    {
        Ini.Merge("[a]\nk = 1\n").FindDotted("a.nope").Should().BeNull();
    }

    [Fact]
    public void Format_Occurrence_IsWrittenAsInTheMergedFile()
    {
        var value = Ini.Merge("[a]\nhosts = h1\n  h2\n").FindEntry("a", "hosts")!.First;

        value.Format("hosts").Should().Be("hosts = h1\n        h2");
        value.Format("hosts", whitespace: false).Should().Be("hosts=h1\n      h2");
    }

    [Fact]
    public void ContentEquals_IgnoresOrigins()
    {
        Ini.Merge("[a]\n\nk = 1\n").ContentEquals(Ini.Merge("[a]\nk = 1\n")).Should().BeTrue();
        Ini.Merge("[a]\nk = 1\n").ContentEquals(Ini.Merge("[a]\nk = 2\n")).Should().BeFalse();
    }
}
