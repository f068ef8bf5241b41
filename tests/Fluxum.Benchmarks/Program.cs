using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Fluxum.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
