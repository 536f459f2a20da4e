namespace Kolla.Start;

/// <summary>Log lines as upstream writes them: <c>YYYY-MM-DD HH:MM:SS.mmm LEVEL message</c>.</summary>
internal sealed class StartLog(TextWriter writer)
{
    public void Info(string message) => Write("INFO", message);

    public void Warning(string message) => Write("WARNING", message);

    public void Error(string message) => Write("ERROR", message);

    private void Write(string level, string message)
    {
        var now = DateTime.Now;
        writer.WriteLine($"{now:yyyy'-'MM'-'dd HH':'mm':'ss'.'fff} {level} {message}");
        writer.Flush();
    }
}
