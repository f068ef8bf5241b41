using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Fluxum.TestExchange;

namespace Fluxum.Pester.Tests.Support;

/// <summary>
/// One local test exchange for one Pester file, with a funded demo Binance account, and the environment that
/// points pwsh at both: the FLUXUM_* addresses, the account's key in BINANCE_API_KEY/_SECRET, and
/// FLUXUM_TEST_EXCHANGE_URL (its /__fluxum control surface) and FLUXUM_TEST_HARNESS_URL (below) for the tests.
/// </summary>
internal sealed class PesterExchange : IAsyncDisposable
{
    private readonly TestExchangeServer _server;
    private readonly HttpListener _harness;
    private readonly Task _serving;
    private readonly string _apiSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    private PesterExchange(TestExchangeServer server, HttpListener harness, string harnessUrl)
    {
        _server = server;
        _harness = harness;
        HarnessUrl = harnessUrl;
        var account = server.BinanceAccounts.AddHmacAccount(ApiKey, _apiSecret);
        account.Deposit("USDT", 1_000_000m);
        account.Deposit("BTC", 10m);
        account.Deposit("ETH", 100m);
        // The testnet examples of the help set BINANCE_TESTNET_API_KEY='key' and _SECRET='secret' themselves;
        // the test exchange serves the testnet address too (FLUXUM_BINANCE_REST_URL overrides both), so that
        // placeholder is a working account here.
        var placeholder = server.BinanceAccounts.AddHmacAccount("key", "secret");
        placeholder.Deposit("USDT", 10_000m);
        placeholder.Deposit("BTC", 1m);
        _serving = Task.Run(ServeAsync);
    }

    public const string ApiKey = "pester-demo-key";

    public string HarnessUrl { get; }

    public static async Task<PesterExchange> StartAsync()
    {
        var server = await TestExchangeServer.StartAsync(new TestExchangeOptions
        {
            // Streams in a user's console session are tried in seconds: trades, tickers and candles come often.
            StreamTradeInterval = TimeSpan.FromMilliseconds(100),
            StreamTickerInterval = TimeSpan.FromMilliseconds(200),
            StreamKlineInterval = TimeSpan.FromMilliseconds(200),
        });
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}/";
        var listener = new HttpListener();
        listener.Prefixes.Add(url);
        listener.Start();
        return new PesterExchange(server, listener, url.TrimEnd('/'));
    }

    public IReadOnlyDictionary<string, string?> Environment()
    {
        var rest = _server.BaseUri.ToString().TrimEnd('/');
        var ws = _server.WebSocketUri.ToString();
        return new Dictionary<string, string?>
        {
            ["FLUXUM_BINANCE_REST_URL"] = rest,
            ["FLUXUM_KRAKEN_REST_URL"] = rest,
            ["FLUXUM_BINANCE_WS_URL"] = ws,
            ["FLUXUM_KRAKEN_WS_URL"] = ws,
            ["FLUXUM_TEST_EXCHANGE_URL"] = rest,
            ["FLUXUM_TEST_HARNESS_URL"] = HarnessUrl,
            ["BINANCE_API_KEY"] = ApiKey,
            ["BINANCE_API_SECRET"] = _apiSecret,
            ["FLUXUM_MODULE_MANIFEST"] = RepoPaths.Manifest,
            ["FLUXUM_REPO_ROOT"] = RepoPaths.Root,
            ["FLUXUM_PESTER_MANIFEST"] = RepoPaths.PesterManifest,
            // Pester's and pwsh's own colours would hide the text in the xunit output.
            ["NO_COLOR"] = "1",
            ["POWERSHELL_TELEMETRY_OPTOUT"] = "1",
            ["POWERSHELL_UPDATECHECK"] = "Off",
        };
    }

    /// <summary>
    /// What the test exchange knows but its HTTP control surface does not show: open connections per exchange
    /// (Kraken's live only on the server object), so a test in pwsh can see that a stream closed its socket.
    /// </summary>
    private async Task ServeAsync()
    {
        while (_harness.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _harness.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var found = context.Request.Url?.AbsolutePath == "/connections";
            var body = found
                ? JsonSerializer.Serialize(new { binance = _server.BinanceStreams.ConnectionsOpen, kraken = _server.KrakenStreams.OpenConnections })
                : "{\"paths\":[\"/connections\"]}";
            context.Response.StatusCode = found ? 200 : 404;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(body);
            await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _harness.Stop();
        _harness.Close();
        await _serving.ConfigureAwait(false);
        await _server.DisposeAsync().ConfigureAwait(false);
    }
}
