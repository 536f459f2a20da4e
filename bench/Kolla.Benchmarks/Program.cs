using BenchmarkDotNet.Running;

// Run one: dotnet run -c Release --project bench/Kolla.Benchmarks -- --filter '*IniMerge*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
