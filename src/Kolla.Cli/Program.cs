using Kolla.Cli;

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

return await KollaApp.RunAsync(args, CliConsole.ForProcess(), cancellation.Token);
