using System.Text;

namespace Kolla.Tests.Fuzz;

/// <summary>
/// Makes hostile variants of good inputs, deterministically from a seed: tokens of the format inserted, spans deleted,
/// repeated or nested thousands deep, documents spliced, characters swapped for control and non-ASCII ones.
/// </summary>
internal sealed class Mutator(int seed, IReadOnlyList<string> corpus, IReadOnlyList<string> tokens)
{
    private const string Odd = "\0\a\b\t\n\r\f\v\u001b\u0085\u00a0\u2028\ufeff\uffff é😀\\'\"";

    private readonly Random _random = new(seed);

    /// <summary>The next input: a corpus document with one to four mutations.</summary>
    public string Next()
    {
        var text = new StringBuilder(corpus[_random.Next(corpus.Count)]);
        var mutations = _random.Next(1, 5);
        for (var i = 0; i < mutations; i++)
        {
            Mutate(text);
        }

        return text.ToString();
    }

    private void Mutate(StringBuilder text)
    {
        var at = _random.Next(text.Length + 1);
        switch (_random.Next(8))
        {
            case 0 or 1:
                text.Insert(at, Token());
                break;
            case 2 when text.Length > 0:
                {
                    var start = Math.Min(at, text.Length - 1);
                    text.Remove(start, Math.Min(_random.Next(1, 40), text.Length - start));
                    break;
                }

            case 3 when text.Length > 0:
                {
                    // Repeat a span: long lines, many keys, long chains.
                    var start = Math.Min(at, text.Length - 1);
                    var span = text.ToString(start, Math.Min(_random.Next(1, 60), text.Length - start));
                    text.Insert(start, string.Concat(Enumerable.Repeat(span, Times())));
                    break;
                }

            case 4:
                {
                    // Nest: an opening token many times, then what it wraps, then as many closings (or none).
                    var pair = Pairs[_random.Next(Pairs.Length)];
                    var depth = Times();
                    var closed = _random.Next(4) != 0;
                    text.Insert(at, string.Concat(Enumerable.Repeat(pair.Open, depth)) + Token() + (closed ? string.Concat(Enumerable.Repeat(pair.Close, depth)) : string.Empty));
                    break;
                }

            case 5:
                {
                    // Splice another document in.
                    var other = corpus[_random.Next(corpus.Count)];
                    var from = _random.Next(other.Length + 1);
                    text.Insert(at, other[from..Math.Min(other.Length, from + _random.Next(1, 400))]);
                    break;
                }

            case 6 when text.Length > 0:
                text[Math.Min(at, text.Length - 1)] = Odd[_random.Next(Odd.Length)];
                break;
            default:
                text.Insert(at, string.Concat(Enumerable.Repeat(Token(), Times())));
                break;
        }
    }

    // Mostly a few, sometimes thousands.
    private int Times() => _random.Next(10) switch
    {
        < 6 => _random.Next(1, 8),
        < 9 => _random.Next(8, 300),
        _ => _random.Next(300, 5000),
    };

    private string Token() => tokens[_random.Next(tokens.Count)];

    private static readonly (string Open, string Close)[] Pairs =
    [
        ("[", "]"), ("{", "}"), ("(", ")"), ("- ", string.Empty), ("a: ", string.Empty), ("{{ ", " }}"), ("{% if x %}", "{% endif %}"),
        ("-", string.Empty), ("not ", string.Empty), (".a", string.Empty), ("| upper", string.Empty), ("[g:children]\ng\n", string.Empty),
    ];
}
