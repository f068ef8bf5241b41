using System.Globalization;
using System.Runtime.InteropServices;
using Fluxum.TestExchange;

// By hand: dotnet run --project tests/Fluxum.TestExchange -- --port 5123 [--weight-limit 6000] [--fixed-now 2024-01-01T00:00:00Z]
var options = new TestExchangeOptions();
for (int i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    switch (args[i])
    {
        case "--port":
            options.Port = int.Parse(Value(), CultureInfo.InvariantCulture);
            break;
        case "--weight-limit":
            options.BinanceWeightLimitPerMinute = int.Parse(Value(), CultureInfo.InvariantCulture);
            break;
        case "--trade-interval":
            options.StreamTradeInterval = TimeSpan.FromMilliseconds(double.Parse(Value(), CultureInfo.InvariantCulture));
            break;
        case "--ping-interval":
            options.StreamPingInterval = TimeSpan.FromMilliseconds(double.Parse(Value(), CultureInfo.InvariantCulture));
            break;
        case "--fixed-now":
            options.FixedNow = DateTimeOffset.Parse(Value(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            break;
        case "-h" or "--help":
            Console.WriteLine("Usage: dotnet run --project tests/Fluxum.TestExchange -- [--port N] [--weight-limit N] [--fixed-now ISO-8601] [--trade-interval ms] [--ping-interval ms]");
            return 0;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Try --help.");
            return 2;
    }
}

await using var server = await TestExchangeServer.StartAsync(options);
var url = server.BaseUri.ToString().TrimEnd('/');
Console.WriteLine($"Fluxum test exchange listening on {url}/");
Console.WriteLine($"  Binance spot REST  {url}/api/v3/...   (e.g. {url}/api/v3/depth?symbol=BTCUSDT&limit=5)");
Console.WriteLine($"  Kraken spot REST   {url}/0/public/... (e.g. {url}/0/public/Ticker?pair=XBTUSD)");
var ws = server.WebSocketUri.ToString().TrimEnd('/');
Console.WriteLine($"  Binance streams    {ws}/ws/btcusdt@trade, {ws}/stream?streams=btcusdt@depth@100ms/ethusdt@kline_1m");
Console.WriteLine($"  Binance WS API     {ws}/ws-api/v3 (userDataStream.subscribe.signature)");
Console.WriteLine();
Console.WriteLine("Point the module at it:");
Console.WriteLine($"  FLUXUM_BINANCE_REST_URL={url}");
Console.WriteLine($"  FLUXUM_KRAKEN_REST_URL={url}");
Console.WriteLine($"  FLUXUM_BINANCE_WS_URL={ws}/");
Console.WriteLine($"  PowerShell: $env:FLUXUM_BINANCE_REST_URL = '{url}'; $env:FLUXUM_KRAKEN_REST_URL = '{url}'");
Console.WriteLine();
Console.WriteLine($"Control: GET {url}/__fluxum (help), POST {url}/__fluxum/faults, GET {url}/__fluxum/requests, GET {url}/__fluxum/weight");
Console.WriteLine($"  curl -X POST {url}/__fluxum/faults -H 'Content-Type: application/json' -d '{{\"pathPrefix\":\"/api/v3/depth\",\"kind\":\"Status429\",\"retryAfterSeconds\":5}}'");
Console.WriteLine($"  curl -X POST {url}/__fluxum/stream-faults -H 'Content-Type: application/json' -d '{{\"kind\":\"Gap\",\"stream\":\"btcusdt@depth\"}}'");
Console.WriteLine("Press Ctrl+C to stop.");

var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.TrySetResult();
});
await stop.Task;
return 0;
