using System.Globalization;
using Fluxum.TestExchange;

// By hand: dotnet run --project tests/Fluxum.TestExchange -- --port 5123
var port = 0;
for (int i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--port") port = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
}

await using var server = await TestExchangeServer.StartAsync(new TestExchangeOptions { Port = port });
var url = server.BaseUri.ToString().TrimEnd('/');
Console.WriteLine($"Fluxum test exchange listening on {url} (Binance spot under /api/v3, Kraken spot under /0/public).");
Console.WriteLine("Point the module at it:");
Console.WriteLine($"  $env:FLUXUM_BINANCE_REST_URL = '{url}'");
Console.WriteLine($"  $env:FLUXUM_KRAKEN_REST_URL  = '{url}'");
Console.WriteLine($"Faults: POST {url}/__fluxum/faults  {{\"pathPrefix\":\"/api/v3/depth\",\"kind\":\"Status429\",\"retryAfterSeconds\":5}}");
Console.WriteLine("Press Ctrl+C to stop.");
var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
await stop.Task;
