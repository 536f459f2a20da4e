using System.Globalization;
using System.Text;

namespace Kolla.Facts;

/// <summary>Reads what <see cref="FactsScriptText"/> prints into a <see cref="FactsSource"/>.</summary>
internal static class ScriptOutput
{
    private const string Header = "kolla-facts 1";

    /// <summary>Parses the output of the script run on <paramref name="host"/>.</summary>
    /// <exception cref="FactsException">The output is not the script's (no header, no end, or a line it never prints).</exception>
    public static FactsSource Read(string host, ReadOnlySpan<byte> output)
    {
        var lines = Encoding.UTF8.GetString(output).Split('\n');
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        if (count == 0 || lines[0].TrimEnd('\r') != Header)
        {
            throw Malformed(host, 1, count == 0 ? string.Empty : lines[0], $"expected '{Header}' first");
        }

        var reader = new Reader(host);
        for (var i = 1; i < count; i++)
        {
            if (reader.Ended)
            {
                throw Malformed(host, i + 1, lines[i], "output after 'end'");
            }

            reader.Line(i + 1, lines[i]);
        }

        if (!reader.Ended)
        {
            throw Malformed(host, count, count > 0 ? lines[count - 1] : string.Empty, "the output stops before 'end' (cut short?)");
        }

        return reader.Source();
    }

    private static FactsException Malformed(string host, int line, string text, string reason)
    {
        var excerpt = text.Length > 80 ? text[..80] + "..." : text;
        return new FactsException($"{host}: the facts script printed something else than facts: line {line} ('{excerpt}'): {reason}");
    }

    private sealed class Reader(string host)
    {
        private readonly Dictionary<string, string> _scalars = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ReleaseFile> _files = new(StringComparer.Ordinal);
        private readonly List<ReleaseFileLine> _releaseFiles = [];
        private readonly List<KeyValuePair<string, string>> _topology = [];
        private readonly List<AddressLine> _addresses = [];
        private readonly List<(string Name, Dictionary<string, string?> Attributes, List<string> Ports)> _devices = [];
        private StringBuilder? _content;
        private Action<string>? _endContent;
        private bool _cpu;
        private bool _meminfo;
        private bool _ip;
        private string? _debianVersion;

        public bool Ended { get; private set; }

        public void Line(int number, string line)
        {
            if (line.StartsWith('|'))
            {
                if (_content is null)
                {
                    throw Malformed(host, number, line, "file content outside a file");
                }

                _content.Append(line, 1, line.Length - 1).Append('\n');
                return;
            }

            FinishContent();
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var key = space < 0 ? line : line[..space];
            var value = space < 0 ? string.Empty : line[(space + 1)..];
            switch (key)
            {
                case "nodename" or "system" or "kernel" or "kernel-version" or "machine" or "memtotal" or "route4" or "route6"
                    or "cpu-keys" or "cpu-vendor-id" or "cpu-model-name" or "cpu-processor" or "cpu-no-vme" or "cpu-xen":
                    _scalars[key] = value;
                    _cpu |= key.StartsWith("cpu-", StringComparison.Ordinal);
                    break;
                case "fqdn-names":
                    _scalars[key] = value;
                    break;
                case "cpu-topology":
                    var colon = value.IndexOf(':', StringComparison.Ordinal);
                    _topology.Add(KeyValuePair.Create((colon < 0 ? value : value[..colon]).Trim(), colon < 0 ? string.Empty : value[(colon + 1)..].Trim()));
                    break;
                case "meminfo":
                    _meminfo = true;
                    break;
                case "file":
                    var parts = value.Split(' ', 2);
                    if (parts.Length != 2 || parts[0] is not ("0" or "1"))
                    {
                        throw Malformed(host, number, line, "expected 'file 0|1 PATH'");
                    }

                    StartContent(text => _files[parts[1]] = new ReleaseFile(parts[0] == "1", text));
                    break;
                case "release":
                    StartContent(text => _releaseFiles.Add(new ReleaseFileLine(value, text.TrimEnd('\n'))));
                    break;
                case "release-empty":
                    _releaseFiles.Add(new ReleaseFileLine(value, null));
                    break;
                case "debian-version":
                    StartContent(text => _debianVersion = text.TrimEnd());
                    break;
                case "ip":
                    _ip = true;
                    break;
                case "addr":
                    _addresses.Add(Address(number, line, value));
                    break;
                case "dev":
                    _devices.Add((value, new Dictionary<string, string?>(StringComparer.Ordinal), []));
                    break;
                case "attr" or "port" when _devices.Count == 0:
                    throw Malformed(host, number, line, "an interface attribute before any 'dev'");
                case "attr":
                    var attribute = value.Split(' ', 2);
                    _devices[^1].Attributes[attribute[0]] = attribute.Length == 2 && attribute[1].Trim() is { Length: > 0 } text ? text : null;
                    break;
                case "port":
                    _devices[^1].Ports.Add(value);
                    break;
                case "end":
                    Ended = true;
                    break;
                default:
                    throw Malformed(host, number, line, $"unknown item '{key}'");
            }
        }

        public FactsSource Source()
        {
            FinishContent();
            if (!_scalars.TryGetValue("nodename", out var nodename) || nodename.Length == 0)
            {
                throw new FactsException($"{host}: the facts script printed no node name");
            }

            var fqdn = _scalars.GetValueOrDefault("fqdn-names")?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return new FactsSource
            {
                Nodename = nodename,
                System = _scalars.GetValueOrDefault("system"),
                Kernel = _scalars.GetValueOrDefault("kernel"),
                KernelVersion = _scalars.GetValueOrDefault("kernel-version"),
                Machine = _scalars.GetValueOrDefault("machine"),
                ReverseNames = fqdn is { Length: > 1 } ? fqdn[1..] : null,
                Cpu = _cpu
                    ? new CpuInfoSummary(Count("cpu-keys"), Count("cpu-vendor-id"), Count("cpu-model-name"), Count("cpu-processor"),
                        _topology, _scalars.GetValueOrDefault("cpu-xen") == "1", Count("cpu-no-vme"))
                    : null,
                MeminfoReadable = _meminfo,
                MemTotal = _scalars.GetValueOrDefault("memtotal"),
                Distribution = new DistributionSource(_files, _releaseFiles, _debianVersion),
                Network = _ip
                    ? new NetworkSource(
                        _devices.Select(d => new DeviceSource(d.Name, d.Attributes, d.Ports)).ToList(),
                        _addresses,
                        _scalars.GetValueOrDefault("route4"),
                        _scalars.GetValueOrDefault("route6"))
                    : null,
            };
        }

        private AddressLine Address(int number, string line, string value)
        {
            // "3: eth0    inet 10.0.0.5/24 brd 10.0.0.255 scope global eth0\       valid_lft forever ..."
            var cut = value.IndexOf('\\', StringComparison.Ordinal);
            var words = (cut < 0 ? value : value[..cut]).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 3 || !words[0].EndsWith(':')
                || !int.TryParse(words[0].AsSpan(0, words[0].Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                throw Malformed(host, number, line, "expected 'addr N: DEVICE inet ...' as ip -o addr show prints");
            }

            return new AddressLine(index, string.Join(' ', words[2..]));
        }

        private int Count(string key) =>
            int.TryParse(_scalars.GetValueOrDefault(key), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

        private void StartContent(Action<string> end)
        {
            _content = new StringBuilder();
            _endContent = end;
        }

        private void FinishContent()
        {
            if (_content is not null)
            {
                _endContent!(_content.ToString());
                _content = null;
                _endContent = null;
            }
        }
    }
}
