namespace Kolla.Templates.Jinja;

/// <summary>
/// Collects text (a rendered file, a captured block) until <c>max</c> characters, then refuses more with a
/// <see cref="TemplateRuntimeException"/> (line 0: the statement writing reports its own line). A
/// <see cref="StringWriter"/>, so the taint tracker can follow which of its characters carry a secret.
/// </summary>
internal sealed class BoundedStringWriter(int max) : StringWriter
{
    public override void Write(char value)
    {
        Count(1);
        base.Write(value);
    }

    public override void Write(string? value)
    {
        Count(value?.Length ?? 0);
        base.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Count(count);
        base.Write(buffer, index, count);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Count(buffer.Length);
        base.Write(buffer);
    }

    private void Count(int length)
    {
        if ((long)GetStringBuilder().Length + length > max)
        {
            throw new TemplateRuntimeException(
                $"the rendered text is longer than {max} characters (set {KollaLimits.TemplateOutputVariable} to allow more)", 0);
        }
    }
}
