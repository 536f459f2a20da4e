using System.Text;

namespace Kolla.Templates.Jinja;

/// <summary>
/// Passes text on to another writer until <c>max</c> characters have been written, then refuses more with a
/// <see cref="TemplateRuntimeException"/> (line 0: the statement writing reports its own line).
/// </summary>
/// <remarks>Disposing it leaves the other writer open.</remarks>
internal sealed class BoundedWriter(TextWriter inner, int max) : TextWriter
{
    private long _written;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        Count(1);
        inner.Write(value);
    }

    public override void Write(string? value)
    {
        Count(value?.Length ?? 0);
        inner.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Count(count);
        inner.Write(buffer, index, count);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Count(buffer.Length);
        inner.Write(buffer);
    }

    public override string ToString() => inner.ToString()!;

    public override void Flush() => inner.Flush();

    private void Count(int length)
    {
        _written += length;
        if (_written > max)
        {
            throw new TemplateRuntimeException(
                $"the rendered text is longer than {max} characters (set {KollaLimits.TemplateOutputVariable} to allow more)", 0);
        }
    }
}
