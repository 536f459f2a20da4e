using System.Collections.Concurrent;
using System.Text;
using Kolla.Converge;
using Kolla.Passwords;
using Spectre.Console;

namespace Kolla.Cli.Output;

/// <summary>
/// Live per-host progress on a terminal (Spectre.Console): one row per host with its state, current service, counts and
/// last action. Events may arrive from many threads; they are queued and only the render loop touches the display.
/// </summary>
internal sealed class LiveProgress(Terminal terminal, SecretMasker masker, IReadOnlyList<string> hosts) : IProgress<DeployEvent>
{
    private const int FrameLines = 8;
    private readonly ConcurrentQueue<DeployEvent> _events = new();
    private readonly Dictionary<string, HostRow> _rows = hosts.Distinct(StringComparer.Ordinal).ToDictionary(h => h, h => new HostRow(), StringComparer.Ordinal);
    private readonly List<string> _failures = [];
    private int _maxRows = 30;

    public void Report(DeployEvent value) => _events.Enqueue(value);

    public async Task<T> RunAsync<T>(Func<IProgress<DeployEvent>, Task<T>> work)
    {
        var output = new TerminalOutput(terminal.Out);
        _maxRows = Math.Max(1, output.Height - FrameLines);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = terminal.Color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = output,
        });
        var task = work(this);

        // The table never grows past the screen (rows beyond it are summarised in the caption), so nothing is cropped.
        await console.Live(Render()).AutoClear(false).Overflow(VerticalOverflow.Visible).StartAsync(async context =>
        {
            while (!task.IsCompleted)
            {
                await Task.WhenAny(task, Task.Delay(100)).ConfigureAwait(false);
                Drain(finished: false);
                context.UpdateTarget(Render());
            }

            Drain(finished: true);
            context.UpdateTarget(Render());
        }).ConfigureAwait(false);

        foreach (var failure in _failures)
        {
            terminal.Out.WriteLine(terminal.Red(failure));
        }

        return await task.ConfigureAwait(false);
    }

    private void Drain(bool finished)
    {
        while (_events.TryDequeue(out var value))
        {
            if (!_rows.TryGetValue(value.Host, out var row))
            {
                row = _rows[value.Host] = new HostRow();
            }

            switch (value)
            {
                case HostReadyEvent:
                    row.State = "running";
                    break;
                case ServiceStartedEvent service:
                    row.Service = service.Service;
                    break;
                case ContainerOkEvent:
                    row.Ok++;
                    break;
                case ChangeAppliedEvent change:
                    row.Changed++;
                    row.Last = masker.Mask(change.Change.Describe());
                    break;
                case HostFailedEvent failed:
                    row.State = "FAILED";
                    row.Last = masker.Mask(failed.Message);
                    _failures.Add($"{value.Host}: FAILED: {masker.Mask(failed.Message)}");
                    break;
            }
        }

        if (finished)
        {
            foreach (var row in _rows.Values.Where(r => r.State != "FAILED"))
            {
                row.State = "done";
                row.Service = "";
            }
        }
    }

    private Table Render()
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("host").AddColumn("state").AddColumn("service").AddColumn(new TableColumn("ok").RightAligned())
            .AddColumn(new TableColumn("changed").RightAligned()).AddColumn("last action");
        var shown = _rows.OrderBy(r => r.Value.State switch { "FAILED" => 0, "running" => 1, "waiting" => 2, _ => 3 }).Take(_maxRows);
        foreach (var (host, row) in shown)
        {
            var state = row.State switch
            {
                "FAILED" => "[red]FAILED[/]",
                "done" => row.Changed > 0 ? "[yellow]changed[/]" : "[green]ok[/]",
                "running" => "[cyan]running[/]",
                _ => "[grey]waiting[/]",
            };
            table.AddRow(
                Markup.Escape(host),
                state,
                Markup.Escape(row.Service),
                row.Ok.ToString(System.Globalization.CultureInfo.InvariantCulture),
                row.Changed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(Shorten(row.Last, 70)));
        }

        if (_rows.Count > _maxRows)
        {
            table.Caption($"{_rows.Count - _maxRows} more host(s); {_rows.Values.Count(r => r.State == "done")} done, {_rows.Values.Count(r => r.State == "FAILED")} failed");
        }

        return table;
    }

    private static string Shorten(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    private sealed class HostRow
    {
        public string State { get; set; } = "waiting";

        public string Service { get; set; } = "";

        public int Ok { get; set; }

        public int Changed { get; set; }

        public string Last { get; set; } = "";
    }

    /// <summary>Spectre's output over the CLI's writer, as a terminal.</summary>
    private sealed class TerminalOutput(TextWriter writer) : IAnsiConsoleOutput
    {
        public TextWriter Writer { get; } = writer;

        public bool IsTerminal => true;

        public int Width => Measure(() => Console.WindowWidth, 120);

        public int Height => Measure(() => Console.WindowHeight, 40);

        private int Measure(Func<int> read, int fallback)
        {
            if (!ReferenceEquals(Writer, Console.Out) || Console.IsOutputRedirected)
            {
                return fallback;
            }

            try
            {
                var value = read();
                return value >= 10 ? value : fallback;
            }
            catch (IOException)
            {
                return fallback;
            }
        }

        public void SetEncoding(Encoding encoding)
        {
        }
    }
}
