using System.Text;
using System.Text.Json;
using Kolla.Compat;
using Kolla.Tests.Variables;

namespace Kolla.Tests.Compat;

public class PyYamlWriterTests
{
    private const string Pem = "-----BEGIN PRIVATE KEY-----\nMIIB\nAAAA\n-----END PRIVATE KEY-----\n";

    [Theory]
    [InlineData("plain", "v: plain\n")]
    [InlineData("12345", "v: '12345'\n")]
    [InlineData("yes", "v: 'yes'\n")]
    [InlineData("", "v: ''\n")]
    [InlineData("it's", "v: it's\n")]
    [InlineData("a: b", "v: 'a: b'\n")]
    [InlineData("#x", "v: '#x'\n")]
    [InlineData("x #y", "v: 'x #y'\n")]
    [InlineData("-abc", "v: -abc\n")]
    [InlineData("~", "v: '~'\n")]
    [InlineData("2001-01-01", "v: '2001-01-01'\n")]
    [InlineData("0x1f", "v: '0x1f'\n")]
    [InlineData("1.5", "v: '1.5'\n")]
    [InlineData("café", "v: \"caf\\xE9\"\n")]
    [InlineData("tab\there", "v: \"tab\\there\"\n")]
    [InlineData(" lead", "v: ' lead'\n")]
    public void Scalars_are_quoted_like_pyyaml(string value, string expected)
    {
        PyYamlWriter.Write(new Dictionary<string, object?> { ["v"] = value }).Should().Be(expected);
    }

    [Fact]
    public void Private_KeysAreSingleQuotedWithABlankLinePerBreak()
    {
        var yaml = PyYamlWriter.Write(new Dictionary<string, object?>
        {
            ["k"] = new Dictionary<string, object?> { ["private_key"] = Pem, ["public_key"] = "ssh-rsa AAAAB3" },
        });

        yaml.Should().Be("k:\n  private_key: '-----BEGIN PRIVATE KEY-----\n\n    MIIB\n\n    AAAA\n\n    -----END PRIVATE KEY-----\n\n    '\n  public_key: ssh-rsa AAAAB3\n");
        var back = (IReadOnlyDictionary<string, object?>)((IReadOnlyDictionary<string, object?>)YamlLoader.Load(yaml, AnsibleYamlProfile.Vars)!)["k"]!;
        back["private_key"].Should().Be(Pem);
    }

    [Fact]
    public void Structures_FollowPyyamlBlockStyle()
    {
        var yaml = PyYamlWriter.Write(new Dictionary<string, object?>
        {
            ["b"] = new List<object?> { 1L, "a", new Dictionary<string, object?> { ["y"] = true, ["x"] = null }, new List<object?> { 2.5, 3L } },
            ["a"] = new Dictionary<string, object?>(),
            ["c"] = new List<object?>(),
            ["d"] = 1e20,
        });

        yaml.Should().Be("a: {}\nb:\n- 1\n- a\n- x: null\n  y: true\n- - 2.5\n  - 3\nc: []\nd: 1.0e+20\n");
    }

    [Fact]
    public void Long_TextIsFoldedAt80ColumnsAndReadsBackUnchanged()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 40));

        var yaml = PyYamlWriter.Write(new Dictionary<string, object?> { ["v"] = text });

        yaml.Split('\n').Should().OnlyContain(l => l.Length <= 85);
        ((IReadOnlyDictionary<string, object?>)YamlLoader.Load(yaml, AnsibleYamlProfile.Vars)!)["v"].Should().Be(text);
    }

    [Fact]
    public void Random_StringsRoundTrip()
    {
        var random = new Random(20260825);
        const string alphabet = "abcXYZ019 :#-'\"\\\n\t{}[],&*!|>%@`?é€😀";
        for (var i = 0; i < 500; i++)
        {
            var value = RandomText(random, alphabet);
            var yaml = PyYamlWriter.Write(new Dictionary<string, object?> { ["key"] = value });

            var back = ((IReadOnlyDictionary<string, object?>)YamlLoader.Load(yaml, AnsibleYamlProfile.Vars)!)["key"];

            back.Should().Be(value, $"the YAML was:\n{yaml}");
        }
    }

    [Fact]
    [Trait("Category", "Integration")]
    public void Output_IsByteIdenticalToPyyamlSafeDump()
    {
        ExternalTool.RequirePython("yaml", "python3-yaml");
        var random = new Random(4242);
        var cases = Enumerable.Range(0, 200).Select(i => new Dictionary<string, object?>
        {
            [$"k{i}"] = RandomText(random, "abcXYZ019 :#-'\"\\\n\t{}[],&*!|>%@`?é"),
            ["pem"] = i % 10 == 0 ? Pem : null,
            ["n"] = (long)i,
            ["list"] = new List<object?> { RandomText(random, "ab 1:-"), true },
        }).ToList();
        const string script = "import json, sys, yaml\nfor d in json.load(sys.stdin):\n    sys.stdout.write(yaml.safe_dump(d, default_flow_style=False))\n    sys.stdout.write('\\x00')\n";

        var (code, stdout, stderr) = ExternalTool.RunPython(script, JsonSerializer.Serialize(cases));

        code.Should().Be(0, stderr);
        var expected = stdout.Split('\0');
        for (var i = 0; i < cases.Count; i++)
        {
            PyYamlWriter.Write(cases[i]).Should().Be(expected[i], $"case {i}");
        }
    }

    [Fact]
    [Trait("Category", "Integration")]
    public void Nice_YamlWithUnicodeIsByteIdenticalToPyyaml()
    {
        ExternalTool.RequirePython("yaml", "python3-yaml");
        var random = new Random(777);
        var cases = Enumerable.Range(0, 100).Select(i => new Dictionary<string, object?>
        {
            [$"k{i}"] = RandomText(random, "abc 019:#-'\"\n\t{}[]é€😀\u2028"),
            ["list"] = new List<object?> { new Dictionary<string, object?> { ["x"] = RandomText(random, "ab é-"), ["y"] = new List<object?> { 1L, 2.5 } } },
        }).ToList();
        const string script = "import json, sys, yaml\nfor d in json.load(sys.stdin):\n    sys.stdout.write(yaml.safe_dump(d, default_flow_style=False, indent=4, allow_unicode=True))\n    sys.stdout.write('\\x00')\n";

        var (code, stdout, stderr) = ExternalTool.RunPython(script, JsonSerializer.Serialize(cases));

        code.Should().Be(0, stderr);
        var expected = stdout.Split('\0');
        for (var i = 0; i < cases.Count; i++)
        {
            PyYamlWriter.Write(cases[i], null, indent: 4, allowUnicode: true).Should().Be(expected[i], $"case {i}");
        }
    }

    private static string RandomText(Random random, string alphabet)
    {
        var runes = alphabet.EnumerateRunes().ToArray();
        var sb = new StringBuilder();
        var length = random.Next(0, 120);
        for (var i = 0; i < length; i++)
        {
            sb.Append(runes[random.Next(runes.Length)].ToString());
        }

        return sb.ToString();
    }
}
