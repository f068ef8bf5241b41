using System.Diagnostics;
using System.Globalization;

namespace Fluxum.Benchmarks;

/// <summary>
/// `-- import-pwsh [runs] [manifest]`: Import-Module time in the real pwsh 7.6.9 of the repository's tool
/// manifest (`dotnet tool run pwsh`). Each run is a new pwsh process that times one Import-Module inside itself,
/// so the process start is not in the figure; an empty script module is measured the same way first, and its
/// median is subtracted: what remains is what Fluxum adds (its assemblies, the engine's load context, format and
/// type data, help-less script files). Runs alternate empty and Fluxum so both see the same machine load.
/// </summary>
public static class ImportModuleTime
{
    public static int Run(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
        var manifest = args.Length > 1 ? Path.GetFullPath(args[1]) : Path.Combine(StreamFrames.RepoRoot, "out", "Fluxum", "Fluxum.psd1");
        var empty = Directory.CreateTempSubdirectory("fluxum-empty-module");
        try
        {
            File.WriteAllText(Path.Combine(empty.FullName, "Empty.psm1"), "function Get-Nothing { }\n");
            File.WriteAllText(Path.Combine(empty.FullName, "Empty.psd1"),
                "@{ RootModule = 'Empty.psm1'; ModuleVersion = '1.0.0'; GUID = '3b0f6f7e-5f7c-4a7e-9d55-0c0d1f7a1e11'; FunctionsToExport = @('Get-Nothing') }\n");
            var emptyManifest = Path.Combine(empty.FullName, "Empty.psd1");

            Console.WriteLine($"import-pwsh: {runs} runs each (the first of each is warm-up), module {manifest}");
            Time(emptyManifest);
            Time(manifest);
            var emptyMs = new List<double>();
            var fluxumMs = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                emptyMs.Add(Time(emptyManifest));
                fluxumMs.Add(Time(manifest));
            }

            var e = Median(emptyMs);
            var f = Median(fluxumMs);
            Console.WriteLine($"empty module: median {e:F1} ms (min {emptyMs.Min():F1}, max {emptyMs.Max():F1})");
            Console.WriteLine($"Fluxum:       median {f:F1} ms (min {fluxumMs.Min():F1}, max {fluxumMs.Max():F1})");
            Console.WriteLine($"Fluxum minus empty: {f - e:F1} ms");
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
            return 0;
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    private static double Time(string manifest)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = StreamFrames.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "tool", "run", "pwsh", "-NoLogo", "-NoProfile", "-NonInteractive", "-Command",
                     $"$c = [Diagnostics.Stopwatch]::StartNew(); Import-Module '{manifest}' -ErrorAction Stop; $c.Elapsed.TotalMilliseconds.ToString([cultureinfo]::InvariantCulture)" })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"pwsh failed ({process.ExitCode}): {error}");
        return double.Parse(output.Trim().Split('\n')[^1], CultureInfo.InvariantCulture);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
