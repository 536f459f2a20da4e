using System.Text;

namespace Kolla.Tests.Fuzz;

/// <summary>
/// Feeds a parser <c>cases</c> mutated inputs from a fixed seed and checks each one: it parses, or fails with one of the
/// exception types we throw on purpose, and allocates less than <c>maxBytes</c> on the way. A failure names the case,
/// the seed and the input (escaped, cut to a readable length).
/// </summary>
internal static class FuzzRun
{
    public static void Check(
        Func<string> next, int cases, long maxBytes, Action<string> parse, params Type[] expected)
    {
        for (var i = 0; i < cases; i++)
        {
            var input = next();
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                parse(input);
            }
            catch (Exception e) when (expected.Any(t => t.IsInstanceOfType(e)))
            {
            }
            catch (Exception e)
            {
                Assert.Fail($"case {i}: {e.GetType().Name} escaped: {e.Message}\ninput: {Show(input)}\n{e.StackTrace}");
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            allocated.Should().BeLessThan(maxBytes, $"case {i} allocated {allocated:N0} bytes for an input of {input.Length} characters: {Show(input)}");
        }
    }

    private static string Show(string input)
    {
        var text = input.Length > 300 ? input[..300] + $"... ({input.Length} characters)" : input;
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            sb.Append(c is < ' ' or > '~' ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return sb.ToString();
    }
}
