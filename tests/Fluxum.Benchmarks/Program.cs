using BenchmarkDotNet.Running;
using Fluxum.Benchmarks;

// dotnet run -c Release --project tests/Fluxum.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/Fluxum.Benchmarks -- e2e [trades] [runs] [trickle trades]
// dotnet run -c Release --project tests/Fluxum.Benchmarks -- e2e-pwsh [trades] [runs] [module manifest]
// dotnet run -c Release --project tests/Fluxum.Benchmarks -- e2e-realpwsh [trades] [runs] [module manifest]
// dotnet run -c Release --project tests/Fluxum.Benchmarks -- import-pwsh [runs] [module manifest]
switch (args.FirstOrDefault())
{
    case "e2e":
        return await EndToEnd.RunAsync(args[1..]);
    case "e2e-pwsh":
        return await PowerShellEndToEnd.RunAsync(args[1..]);
    case "e2e-realpwsh":
        return await RealPwshEndToEnd.RunAsync(args[1..]);
    case "import-pwsh":
        return ImportModuleTime.Run(args[1..]);
    default:
        BenchmarkSwitcher.FromAssembly(typeof(DecodeBenchmarks).Assembly).Run(args);
        return 0;
}
