using Kolla.Cli;
using Kolla.Cli.Output;

// SSH.NET waits synchronously inside its async calls (key exchange, channel open): with the default of one pool thread
// per core, hosts connected in parallel queue behind each other until the pool grows (about one thread per 0.5 s).
ThreadPool.GetMinThreads(out var workers, out var completionPorts);
ThreadPool.SetMinThreads(Math.Max(workers, 32), completionPorts);

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var readSecret = Console.IsInputRedirected ? null : (Func<string, string?>)TerminalSecret.Read;
return await KollaApp.RunAsync(args, new CliConsole(Console.Out, Console.Error, !Console.IsOutputRedirected, readSecret), cancellation.Token);
