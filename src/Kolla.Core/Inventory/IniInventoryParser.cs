using System.Text.RegularExpressions;
using Kolla.Compat;

namespace Kolla.Inventory;

/// <summary>
/// ansible-core 2.14's INI inventory format: <c>[group]</c> host lines, <c>[group:children]</c>,
/// <c>[group:vars]</c>, hosts before any section are <c>ungrouped</c>.
/// </summary>
/// <remarks>
/// Host lines are split like a shell (quotes, backslashes, <c>#</c> comments); the first word is a host
/// or a range (<c>web[01:03]</c>, <c>host:2222</c>), the rest <c>key=value</c> pairs. Every value, on host
/// lines and in <c>[g:vars]</c>, goes through Python's <c>ast.literal_eval</c> (<see cref="PythonLiteral"/>)
/// and stays text when that fails. ansible's documentation says <c>[g:vars]</c> values stay strings; the
/// 2.14 code types them as well, and ansible-inventory prints <c>x=1</c> there as the integer 1, so this does too.
/// A <c>[g:vars]</c> line is split at the first <c>=</c> only and is not shell-split: the rest of the
/// line is the value (a trailing <c># comment</c> is part of it unless the literal parses).
/// Group names in <c>[g:children]</c> that no section ever declares are an error (ansible's INI plugin
/// fails the file with the same message and ansible-inventory then ignores the file with a warning; here
/// the error stops the load). The same holds for <c>[g:vars]</c> of a group declared nowhere.
/// Text holding a character YAML refuses (a control character other than tab, LF and CR) is refused too: ansible
/// would make a host of the bytes of a binary file.
/// </remarks>
internal sealed partial class IniInventoryParser
{
    private readonly InventoryBuilder _inventory;
    private readonly string _file;
    private int _line;

    private IniInventoryParser(InventoryBuilder inventory, string file)
    {
        _inventory = inventory;
        _file = file;
    }

    /// <summary>Parses <paramref name="text"/> into <paramref name="inventory"/>.</summary>
    /// <exception cref="InventoryException">The first problem, with file and line.</exception>
    public static void Parse(string text, string file, InventoryBuilder inventory) =>
        new IniInventoryParser(inventory, file).Run(text);

    private void Run(string text)
    {
        var pending = new OrderedDictionary<string, Pending>(StringComparer.Ordinal);
        var group = InventoryGroup.UngroupedName;
        var state = "hosts";
        if (YamlCharacters.FindUnacceptable(text) is { } refused)
        {
            // ansible's INI plugin would take the bytes for a host name; a deployment must not run against that.
            _line = refused.Line;
            Fail($"unacceptable character #x{(int)refused.Character:x4} at column {refused.Column}: an inventory is text, and control characters are not allowed in it (is this a binary file?)");
        }

        _line = 0;
        foreach (var rawLine in SplitLines(text))
        {
            _line++;
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            var section = Section().Match(line);
            if (section.Success)
            {
                group = section.Groups["name"].Value;
                state = section.Groups["kind"].Success ? section.Groups["kind"].Value : "hosts";
                if (state is not ("hosts" or "children" or "vars"))
                {
                    Fail($"Section [{group}:{state}] has unknown type: {state}");
                }

                if (!_inventory.HasGroup(group))
                {
                    // [g] or [g:children] declares a group; [g:vars] must be backed by a declaration somewhere.
                    if (state == "vars" && !pending.ContainsKey(group))
                    {
                        pending.Add(group, new Pending(_line, "vars", []));
                    }

                    _inventory.AddGroup(group, _line);
                }

                if (state != "vars" && pending.TryGetValue(group, out var waiting))
                {
                    if (waiting.State == "children")
                    {
                        AddPendingChildren(group, pending);
                    }
                    else
                    {
                        pending.Remove(group);
                    }
                }

                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                Fail($"Invalid section entry: '{line}'. Please make sure that there are no spaces in the section entry, and that there are no other invalid characters");
            }

            switch (state)
            {
                case "hosts":
                    ParseHostLine(line, group);
                    break;
                case "vars":
                    {
                        var eq = line.IndexOf('=', StringComparison.Ordinal);
                        if (eq < 0)
                        {
                            Fail($"Expected key=value, got: {line}");
                        }

                        var key = line[..eq].Trim();
                        var value = PythonLiteral.ParseValue(line[(eq + 1)..].Trim());
                        _inventory.SetVariable(group, key, value, _line);
                        break;
                    }

                default:
                    {
                        var child = GroupName().Match(line);
                        if (!child.Success)
                        {
                            Fail($"Expected group name, got: {line}");
                        }

                        var name = child.Groups["name"].Value;
                        if (_inventory.HasGroup(name))
                        {
                            _inventory.AddChild(group, name, _line);
                        }
                        else if (pending.TryGetValue(name, out var known))
                        {
                            known.Parents.Add(group);
                        }
                        else
                        {
                            pending.Add(name, new Pending(_line, "children", [group]));
                        }

                        break;
                    }
            }
        }

        // Anything still pending was referenced but never declared; ansible reports the first one.
        foreach (var (name, decl) in pending)
        {
            if (decl.State == "vars")
            {
                throw new InventoryException(_file, decl.Line, $"Section [{name}:vars] not valid for undefined group: {name}");
            }

            throw new InventoryException(_file, decl.Line, $"Section [{decl.Parents[^1]}:children] includes undefined group: {name}");
        }
    }

    private void AddPendingChildren(string group, OrderedDictionary<string, Pending> pending)
    {
        foreach (var parent in pending[group].Parents)
        {
            _inventory.AddChild(parent, group, _line);
            if (pending.TryGetValue(parent, out var p) && p.State == "children")
            {
                AddPendingChildren(parent, pending);
            }
        }

        pending.Remove(group);
    }

    private void ParseHostLine(string line, string group)
    {
        List<string> tokens;
        try
        {
            tokens = ShellWords.Split(line, ShellSplitOptions.Comments);
        }
        catch (FormatException e)
        {
            Fail($"Error parsing host definition '{line}': {e.Message}");
            return;
        }

        if (tokens.Count == 0)
        {
            Fail($"Expected a host name, got: {line}");
        }

        var (hostnames, port) = ExpandHostPattern(tokens[0]);
        var variables = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var token in tokens.Skip(1))
        {
            var eq = token.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                Fail($"Expected key=value host variable assignment, got: {token}");
            }

            variables[token[..eq]] = PythonLiteral.ParseValue(token[(eq + 1)..]);
        }

        foreach (var host in hostnames)
        {
            _inventory.AddHost(host, group, port, _line);
            foreach (var (key, value) in variables)
            {
                _inventory.SetVariable(host, key, value, _line);
            }
        }
    }

    private (List<string> Hosts, int? Port) ExpandHostPattern(string pattern)
    {
        var (hosts, port) = HostAddress.ExpandPattern(pattern, _file, _line, _inventory.Limits.MaxInventoryHosts);

        if (pattern.Trim().EndsWith(':') && port is null)
        {
            Fail($"Invalid host pattern '{pattern}' supplied, ending in ':' is not allowed, this character is reserved to provide a port.");
        }

        if (hosts.Any(h => h.Trim() == "---"))
        {
            Fail($"Invalid host pattern '{pattern}' supplied, '---' is normally a sign this is a YAML file.");
        }

        return (hosts, port);
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Fail(string message) => throw new InventoryException(_file, _line, message);

    // Python's str.splitlines(): \n, \r\n, \r and the other Unicode line boundaries.
    private static IEnumerable<string> SplitLines(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029')
            {
                yield return text[start..i];
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    [GeneratedRegex(@"^\[(?<name>[^:\]\s]+)(?::(?<kind>\w+))?\]\s*(?:#.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Section();

    [GeneratedRegex(@"^(?<name>[^:\]\s]+)\s*(?:#.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex GroupName();

    private sealed record Pending(int Line, string State, List<string> Parents);
}
