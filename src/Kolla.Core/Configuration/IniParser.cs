using System.Text;
using Kolla.Compat;

namespace Kolla.Configuration;

/// <summary>
/// oslo.config's INI line rules (<c>oslo_config.iniparser.BaseParser</c>), turning one source into an
/// <see cref="IniLayerScan"/>: its section headers and committed assignments in order, each key's hash computed on the
/// way. The scan needs nothing from the other sources, so a merge scans its sources in parallel and then takes the
/// scans in order (<see cref="IniDocument.Add"/>, <see cref="IniDocument.Complete"/>).
/// </summary>
/// <remarks>
/// Lines end at <c>\n</c>, <c>\r\n</c> or a lone <c>\r</c> (Python's universal newlines). Each line is right-stripped
/// with Python's whitespace set, then: blank ends a value; a leading space or tab continues the pending value;
/// <c>[</c> opens a section; <c>#</c>/<c>;</c> at column 0 is a comment; anything else is <c>key = value</c> split at
/// the first <c>=</c> or <c>:</c>. The parser reads the source's UTF-8 bytes (valid UTF-8, checked before): every
/// character these rules look at is ASCII, so lines, delimiters and keys are found and compared as bytes, and only
/// non-ASCII whitespace at a line's edge is decoded. No regex, no per-line strings: values are slices of the source.
/// </remarks>
internal sealed class IniParser
{
    /// <summary>Bytes of source per record the record array is first sized for (config lines are ~30-50 bytes).</summary>
    private const int BytesPerRecordGuess = 48;

    private readonly byte[] _text;
    private readonly string _source;
    private readonly IniLayerScan _scan;
    private readonly IniContinuations _continuations;

    private bool _pending;
    private int _keyStart;
    private int _keyLength;
    private int _valueStart;
    private int _valueLength;
    private int _keyLine;
    private int _restStart;
    private byte _verbatim;

    private IniParser(byte[] text, string source)
    {
        _text = text;
        _source = source;
        _scan = new IniLayerScan(text, text.Length / BytesPerRecordGuess);
        _continuations = _scan.Continuations;
    }

    /// <summary>Scans the UTF-8 <paramref name="text"/> of source <paramref name="source"/>.</summary>
    /// <exception cref="ConfigMergeException">The text breaks the oslo.config INI rules (the message names the source and line).</exception>
    public static IniLayerScan Scan(byte[] text, string source)
    {
        var parser = new IniParser(text, source);
        try
        {
            parser.Run();
        }
        catch
        {
            parser._scan.Release();
            throw;
        }

        return parser._scan;
    }

    private void Run()
    {
        var text = _text.AsSpan();
        var position = 0;
        var lineNumber = 0;

        // Most files have LF endings only; a single-character search is cheaper per line.
        var anyCarriageReturn = text.Contains((byte)'\r');
        while (position < text.Length)
        {
            var rest = text[position..];
            var end = anyCarriageReturn ? rest.IndexOfAny((byte)'\n', (byte)'\r') : rest.IndexOf((byte)'\n');
            int length;
            int next;
            if (end < 0)
            {
                length = rest.Length;
                next = text.Length;
            }
            else
            {
                length = end;
                next = position + end + (rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1);
            }

            lineNumber++;
            Line(position, PyUtf8.TrimmedLength(rest[..length]), lineNumber);
            position = next;
        }

        if (_pending)
        {
            Commit();
        }
    }

    private void Line(int start, int length, int lineNumber)
    {
        if (length == 0)
        {
            if (_pending)
            {
                Commit();
            }

            return;
        }

        var line = _text.AsSpan(start, length);
        var first = line[0];
        if (first is (byte)' ' or (byte)'\t')
        {
            if (!_pending)
            {
                throw Error(lineNumber, line, "Unexpected continuation line");
            }

            var indent = PyUtf8.LeadingWhiteSpace(line);
            _continuations.Add(start + indent, length - indent);
            return;
        }

        if (_pending)
        {
            Commit();
        }

        switch (first)
        {
            case (byte)'[':
                if (line[^1] != ']')
                {
                    throw Error(lineNumber, line, "Invalid section (must end with ])");
                }

                if (line.Length <= 2)
                {
                    throw Error(lineNumber, line, "Empty section name");
                }

                _scan.Add(new IniScanRecord
                {
                    KeyStart = start + 1,
                    KeyLength = length - 2,
                    Hash = IniKeyHash.Of(line[1..^1]),
                    Value = new IniValueSpan { LineCount = IniScanRecord.SectionHeader, Line = lineNumber },
                });
                return;
            case (byte)'#' or (byte)';':
                return;
        }

        var separator = line.IndexOfAny((byte)'=', (byte)':');
        if (separator < 0)
        {
            throw Error(lineNumber, line, "No ':' or '=' found in assignment");
        }

        var keyPart = line[..separator];
        var keyLead = PyUtf8.LeadingWhiteSpace(keyPart);
        var keyLength = PyUtf8.TrimmedLength(keyPart) - keyLead;
        if (keyLength <= 0)
        {
            throw Error(lineNumber, line, "Key cannot be empty");
        }

        var valueStart = separator + 1;
        var valuePart = line[valueStart..];
        var valueLead = PyUtf8.LeadingWhiteSpace(valuePart);
        var valueLength = valueLead == valuePart.Length ? 0 : PyUtf8.TrimmedLength(valuePart) - valueLead;
        valueStart += valueLead;
        byte verbatim = 0;
        if (valueLength > 0 && (line[valueStart] is (byte)'"' or (byte)'\'') && line[valueStart + valueLength - 1] == line[valueStart])
        {
            // One matching pair of outer quotes is cut; a lone quote leaves an empty value.
            valueStart++;
            valueLength = Math.Max(0, valueLength - 2);
        }
        else if (keyLead == 0 && valueLength > 0 && valueStart + valueLength == length && start + length < _text.Length && _text[start + length] == '\n')
        {
            // The line reads exactly as the writer would write it: it can be copied whole.
            verbatim = (valueStart - keyLength) switch
            {
                1 when line[keyLength] == '=' => IniValueSpan.VerbatimCompact,
                3 when line.Slice(keyLength, 3).SequenceEqual(" = "u8) => IniValueSpan.VerbatimSpaced,
                _ => 0,
            };
        }

        _pending = true;
        _keyStart = start + keyLead;
        _keyLength = keyLength;
        _valueStart = start + valueStart;
        _valueLength = valueLength;
        _keyLine = lineNumber;
        _restStart = _continuations.Count;
        _verbatim = verbatim;
    }

    private void Commit()
    {
        _pending = false;
        var rest = _continuations.Count - _restStart;
        _scan.Add(new IniScanRecord
        {
            KeyStart = _keyStart,
            KeyLength = _keyLength,
            Hash = IniKeyHash.Of(_text.AsSpan(_keyStart, _keyLength)),
            Value = new IniValueSpan
            {
                Start = _valueStart,
                Length = _valueLength,

                // A value of exactly one empty line is stored as an empty value (written "key =").
                LineCount = rest > 0 ? 1 + rest : _valueLength == 0 ? 0 : 1,
                RestStart = _restStart,
                Line = _keyLine,
                Verbatim = _verbatim,
            },
        });
    }

    private ConfigMergeException Error(int lineNumber, ReadOnlySpan<byte> line, string message)
    {
        var reason = $"{message}: {PyText.StringRepr(Encoding.UTF8.GetString(line))}";
        if (line.StartsWith("\uFEFF"u8))
        {
            reason += " (the file starts with a UTF-8 byte order mark, which kolla's parser reads as text)";
        }

        return new ConfigMergeException(_source, lineNumber, reason);
    }
}
