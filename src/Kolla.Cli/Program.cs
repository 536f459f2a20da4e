using Kolla.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await KollaApp.RunAsync(args, new CliConsole(Console.Out, Console.Error, !Console.IsOutputRedirected), cancellation.Token);
