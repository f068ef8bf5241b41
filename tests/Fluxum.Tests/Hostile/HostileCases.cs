using System.Text.Json;
using Fluxum.Engine.Exchanges.Binance;
using Fluxum.Engine.Exchanges.Kraken;
using Fluxum.Engine.Json;
using Fluxum.Market;
using Fluxum.Models;
using Fluxum.Tests.Support;

namespace Fluxum.Tests.Hostile;

/// <summary>
/// Every REST and stream parser of Binance spot and Kraken spot, each over a real recorded payload from
/// ../shared/fixtures, composed the way its adapter or protocol calls it (REST roots carry their endpoint;
/// stream parsers name their event themselves). Kraken's REST ticker and trades and its v2 trade, ohlc and
/// status frames have no recording: they use the documented shapes the parser tests use.
/// </summary>
public static class HostileCases
{
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static SymbolInfo Binance(string native, string b, string q) =>
        new() { Exchange = ExchangeId.Binance, Symbol = $"{b}/{q}", NativeSymbol = native, BaseAsset = b, QuoteAsset = q };

    private static SymbolInfo Kraken(string symbol) => new()
    {
        Exchange = ExchangeId.Kraken, Symbol = symbol, NativeSymbol = symbol.Replace("/", "", StringComparison.Ordinal),
        BaseAsset = symbol.Split('/')[0], QuoteAsset = symbol.Split('/')[1],
    };

    private static readonly Func<string, SymbolInfo?> AnyKraken = Kraken;

    private static JsonField Rest(ExchangeId exchange, string path, JsonElement root) => new(root, AnswerSource.Rest(exchange, HttpMethod.Get, path));

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);

    private static string File(string relative) => Fixtures.Text(relative);

    public static IReadOnlyList<HostileCase> All { get; } = Build();

    public static HostileCase Named(string name) => All.Single(c => c.Name == name);

    private static List<HostileCase> Build()
    {
        var btc = Binance("BTCUSDT", "BTC", "USDT");
        var cases = new List<HostileCase>
        {
            // Binance spot REST
            new("Binance time", File("binance-spot/rest/server_time.json"), "Binance", "GET /api/v3/time",
                e => Parsed.One(BinanceParsers.ServerTime(Rest(ExchangeId.Binance, "api/v3/time", e)))),
            new("Binance exchangeInfo symbols", File("binance-spot/rest/exchange_info_trimmed.json"), "Binance", "GET /api/v3/exchangeInfo",
                e => Parsed.Of(BinanceParsers.Symbols(Rest(ExchangeId.Binance, "api/v3/exchangeInfo", e), ExchangeId.Binance)))
            {
                // With no tick or step filter the precision is the asset's.
                RowsAt = "symbols", Fallbacks = Set("PricePrecision", "QuantityPrecision"),
            },
            new("Binance exchangeInfo limits", File("binance-spot/rest/exchange_info_trimmed.json"), "Binance", "GET /api/v3/exchangeInfo",
                e =>
                {
                    var root = Rest(ExchangeId.Binance, "api/v3/exchangeInfo", e);
                    return Parsed.One(new { Weight = BinanceParsers.RequestWeightPerMinute(root), Orders = BinanceParsers.OrderLimits(root) });
                }),
            new("Binance depth", File("binance-spot/rest/depth_top100_RUNEEUR.json"), "Binance", "GET /api/v3/depth",
                e => Parsed.One(BinanceParsers.Depth(Rest(ExchangeId.Binance, "api/v3/depth", e), Binance("RUNEEUR", "RUNE", "EUR"), Now))),
            new("Binance 24h ticker", File("binance-spot/rest/ticker_24hr_doc.json"), "Binance", "GET /api/v3/ticker/24hr",
                e => Parsed.One(BinanceParsers.Ticker(Rest(ExchangeId.Binance, "api/v3/ticker/24hr", e), Binance("BNBBTC", "BNB", "BTC"))))
            {
                MayBeNegative = Set("priceChange", "priceChangePercent"),
            },
            new("Binance price ticker", File("binance-spot/rest/ticker_price_BTCUSDT.json"), "Binance", "GET /api/v3/ticker/price",
                e => Parsed.One(BinanceParsers.PriceTicker(Rest(ExchangeId.Binance, "api/v3/ticker/price", e), btc))),
            new("Binance book ticker", File("binance-spot/rest/book_ticker_BTCUSDT.json"), "Binance", "GET /api/v3/ticker/bookTicker",
                e => Parsed.One(BinanceParsers.BookTicker(Rest(ExchangeId.Binance, "api/v3/ticker/bookTicker", e), btc))),
            new("Binance trades", File("binance-spot/rest/trades_BTCUSDT.json"), "Binance", "GET /api/v3/trades",
                e => Parsed.Of(Rest(ExchangeId.Binance, "api/v3/trades", e).Rows(t => BinanceParsers.Trade(t, btc))))
            {
                RowsAt = "", Fallbacks = Set("QuoteQuantity"),
            },
            new("Binance aggregate trades", File("binance-spot/rest/agg_trades_BTCUSDT.json"), "Binance", "GET /api/v3/aggTrades",
                e => Parsed.Of(Rest(ExchangeId.Binance, "api/v3/aggTrades", e).Rows(t => BinanceParsers.AggregateTrade(t, btc)))) { RowsAt = "" },
            new("Binance klines", File("binance-spot/rest/klines_1m_BTCUSDT.json"), "Binance", "GET /api/v3/klines",
                e => Parsed.Of(Rest(ExchangeId.Binance, "api/v3/klines", e).Rows(r => BinanceParsers.Candle(r, btc, "1m", Now)))) { RowsAt = "" },
            new("Binance account", File("binance-spot/rest/account_doc.json"), "Binance", "GET /api/v3/account",
                e => Parsed.One(BinanceTradingParsers.Account(Rest(ExchangeId.Binance, "api/v3/account", e), ExchangeId.Binance, "****abcd", "test")))
            {
                MayBeNegative = Set("maker", "taker", "buyer", "seller", "makerCommission", "takerCommission", "buyerCommission", "sellerCommission"),
            },
            new("Binance older account", File("binance-spot/rest/account_doc_2.json"), "Binance", "GET /api/v3/account",
                e => Parsed.One(BinanceTradingParsers.Account(Rest(ExchangeId.Binance, "api/v3/account", e), ExchangeId.Binance, "****abcd", "test")))
            {
                MayBeNegative = Set("makerCommission", "takerCommission", "buyerCommission", "sellerCommission"),
            },
            new("Binance balances", File("binance-spot/rest/account_doc.json"), "Binance", "GET /api/v3/account",
                e => Parsed.Of(BinanceTradingParsers.Balances(Rest(ExchangeId.Binance, "api/v3/account", e), ExchangeId.Binance))) { RowsAt = "balances" },
            new("Binance open orders", File("binance-spot/rest/open_orders_doc.json"), "Binance", "GET /api/v3/openOrders",
                e => Parsed.Of(Rest(ExchangeId.Binance, "api/v3/openOrders", e).Rows(o => BinanceTradingParsers.Order(o, Binance("LTCBTC", "LTC", "BTC")))))
            {
                RowsAt = "", MayBeNegative = Set("orderListId", "workingTime"),
            },
            new("Binance all orders", File("binance-spot/rest/all_orders_doc.json"), "Binance", "GET /api/v3/allOrders",
                e => Parsed.Of(Rest(ExchangeId.Binance, "api/v3/allOrders", e).Rows(o => BinanceTradingParsers.Order(o, Binance("LTCBTC", "LTC", "BTC")))))
            {
                RowsAt = "", MayBeNegative = Set("orderListId", "workingTime"),
            },
            new("Binance cancelled order", File("binance-spot/rest/cancel_order_doc.json"), "Binance", "DELETE /api/v3/order",
                e => Parsed.One(BinanceTradingParsers.Order(new JsonField(e, AnswerSource.Rest(ExchangeId.Binance, HttpMethod.Delete, "api/v3/order")), btc)))
            {
                MayBeNegative = Set("orderListId"),
            },
            new("Binance order result", File("binance-spot/rest/new_order_result_doc.json"), "Binance", "POST /api/v3/order",
                e => Parsed.One(BinanceTradingParsers.Order(new JsonField(e, AnswerSource.Rest(ExchangeId.Binance, HttpMethod.Post, "api/v3/order")), Binance("LTCBTC", "LTC", "BTC"))))
            {
                MayBeNegative = Set("orderListId", "workingTime"),
            },
            new("Binance order full with fills", File("binance-spot/rest/new_order_full_doc.json"), "Binance", "POST /api/v3/order",
                e =>
                {
                    var root = new JsonField(e, AnswerSource.Rest(ExchangeId.Binance, HttpMethod.Post, "api/v3/order"));
                    return Parsed.One(new { Order = BinanceTradingParsers.Order(root, btc), Fills = BinanceTradingParsers.PlacementFills(root, btc) });
                })
            {
                MayBeNegative = Set("orderListId", "workingTime", "commission"),
            },
            new("Binance order full iceberg (real)", File("binance-spot/rest/new_order_full_real_SOLUSDT_iceberg.json"), "Binance", "POST /api/v3/order",
                e =>
                {
                    var root = new JsonField(e, AnswerSource.Rest(ExchangeId.Binance, HttpMethod.Post, "api/v3/order"));
                    var sol = Binance("SOLUSDT", "SOL", "USDT");
                    return Parsed.One(new { Order = BinanceTradingParsers.Order(root, sol), Fills = BinanceTradingParsers.PlacementFills(root, sol) });
                })
            {
                MayBeNegative = Set("orderListId", "workingTime"),
            },
            new("Binance my trades", File("binance-spot/rest/my_trades_doc.json"), "Binance", "GET /api/v3/myTrades",
                e => Parsed.Of(Rest(ExchangeId.Binance, "api/v3/myTrades", e).Rows(t => BinanceTradingParsers.MyTrade(t, Binance("BNBBTC", "BNB", "BTC")))))
            {
                RowsAt = "", MayBeNegative = Set("orderListId", "commission"),
            },

            // Binance spot streams
            new("Binance depthUpdate", File("binance-spot/ws/combined_depthUpdate.json"), "Binance", "depthUpdate event",
                e => Parsed.One(BinanceStreamParsers.DepthUpdate(BinanceStreamParsers.Payload(e)))) { Strip = "data." },
            new("Binance trade event", File("binance-spot/ws/combined_trade_ETHUSDT.json"), "Binance", "trade event",
                e => Parsed.One(BinanceStreamParsers.Trade(BinanceStreamParsers.Payload(e), Binance("ETHUSDT", "ETH", "USDT")))) { Strip = "data." },
            new("Binance aggTrade event", File("binance-spot/ws/combined_aggTrade.json"), "Binance", "aggTrade event",
                e => Parsed.One(BinanceStreamParsers.AggregateTrade(BinanceStreamParsers.Payload(e), Binance("NKNUSDT", "NKN", "USDT")))) { Strip = "data." },
            new("Binance aggTrade event ETHUSDT", File("binance-spot/ws/combined_aggTrade_ETHUSDT.json"), "Binance", "aggTrade event",
                e => Parsed.One(BinanceStreamParsers.AggregateTrade(BinanceStreamParsers.Payload(e), Binance("ETHUSDT", "ETH", "USDT")))) { Strip = "data." },
            new("Binance kline event", File("binance-spot/ws/combined_kline_1m.json"), "Binance", "kline event",
                e => Parsed.One(BinanceStreamParsers.Kline(BinanceStreamParsers.Payload(e), Binance("NKNUSDT", "NKN", "USDT")))) { Strip = "data." },
            new("Binance 24hrTicker event", File("binance-spot/ws/ticker_24hr_doc.json"), "Binance", "ticker event",
                e => Parsed.One(BinanceStreamParsers.Ticker(BinanceStreamParsers.Payload(e), Binance("BNBBTC", "BNB", "BTC"))))
            {
                MayBeNegative = Set("p", "P"), Fallbacks = Set("CloseTime"), // no close time: the event time
            },
            new("Binance miniTicker event", File("binance-spot/ws/combined_miniTicker_doc.json"), "Binance", "ticker event",
                e => Parsed.One(BinanceStreamParsers.Ticker(BinanceStreamParsers.Payload(e), Binance("BNBBTC", "BNB", "BTC")))) { Strip = "data." },
            new("Binance bookTicker event", File("binance-spot/ws/combined_bookTicker.json"), "Binance", "bookTicker event",
                e => Parsed.One(BinanceStreamParsers.BookTicker(BinanceStreamParsers.Payload(e), Binance("NKNUSDT", "NKN", "USDT")))) { Strip = "data." },
            new("Binance bookTicker event ETHUSDT", File("binance-spot/ws/combined_bookTicker_ETHUSDT.json"), "Binance", "bookTicker event",
                e => Parsed.One(BinanceStreamParsers.BookTicker(BinanceStreamParsers.Payload(e), Binance("ETHUSDT", "ETH", "USDT")))) { Strip = "data." },
            new("Binance executionReport new", File("binance-spot/ws/executionReport_new_doc.json"), "Binance", "executionReport event",
                e => ExecutionReport(e, Binance("ETHUSDT", "ETH", "USDT"))) { MayBeNegative = Set("g", "n", "t"), Fallbacks = Set("UpdateTime") },
            new("Binance executionReport trade", File("binance-spot/ws/executionReport_trade_doc.json"), "Binance", "executionReport event",
                e => ExecutionReport(e, Binance("ETHUSDT", "ETH", "USDT")))
            {
                MayBeNegative = Set("g", "n"), Fallbacks = Set("UpdateTime"), // no transaction time: the event time
            },
            new("Binance executionReport wrapped", File("binance-spot/ws/executionReport_wrapped_doc.json"), "Binance", "executionReport event",
                e => ExecutionReport(e, Binance("ETHBTC", "ETH", "BTC"))) { Strip = "event.", MayBeNegative = Set("g", "n", "t"), Fallbacks = Set("UpdateTime") },
            new("Binance outboundAccountPosition", File("binance-spot/ws/outboundAccountPosition_doc.json"), "Binance", "outboundAccountPosition event",
                e => Parsed.One(BinanceUserDataParsers.Balances(BinanceUserDataParsers.Event(e), ExchangeId.Binance))),
            new("Binance outboundAccountPosition wrapped", File("binance-spot/ws/outboundAccountPosition_wrapped_doc.json"), "Binance", "outboundAccountPosition event",
                e => Parsed.One(BinanceUserDataParsers.Balances(BinanceUserDataParsers.Event(e), ExchangeId.Binance))) { Strip = "event." },

            // Kraken spot REST
            new("Kraken time", File("kraken/rest/server_time.json"), "Kraken", "GET /0/public/Time",
                e => Parsed.One(KrakenParsers.ServerTime(Rest(ExchangeId.Kraken, "0/public/Time", e)))),
            new("Kraken asset pairs", File("kraken/rest/asset_pairs_trimmed_2021.json"), "Kraken", "GET /0/public/AssetPairs",
                e => Parsed.Of(KrakenParsers.Symbols(Rest(ExchangeId.Kraken, "0/public/AssetPairs", e)))) { RowsAt = "result" },
            new("Kraken depth", File("kraken/rest/depth_XBTUSDT.json"), "Kraken", "GET /0/public/Depth",
                e => Parsed.One(KrakenParsers.Depth(Rest(ExchangeId.Kraken, "0/public/Depth", e), Kraken("BTC/USDT"), Now))),
            new("Kraken ohlc", File("kraken/rest/ohlc_trimmed.json"), "Kraken", "GET /0/public/OHLC",
                e => Parsed.Of(KrakenParsers.OnlyPair(KrakenParsers.Result(Rest(ExchangeId.Kraken, "0/public/OHLC", e))).Value
                    .Rows(r => KrakenParsers.Candle(r, Kraken("BTC/USDT"), CandleInterval.Parse("1m"), Now)))) { RowsAt = "result.XBTUSDT" },
            new("Kraken ticker (documented shape)", KrakenTickerAnswer, "Kraken", "GET /0/public/Ticker",
                e => Parsed.Of(JsonRows.Read(KrakenParsers.Result(Rest(ExchangeId.Kraken, "0/public/Ticker", e)).Members(),
                    t => new { Ticker = KrakenParsers.Ticker(t, Kraken("BTC/USD")), Price = KrakenParsers.PriceTicker(t, Kraken("BTC/USD")), Book = KrakenParsers.BookTicker(t, Kraken("BTC/USD")) })))
            {
                RowsAt = "result",
            },
            new("Kraken trades (documented shape)", KrakenTradesAnswer, "Kraken", "GET /0/public/Trades",
                e => Parsed.Of(KrakenParsers.OnlyPair(KrakenParsers.Result(Rest(ExchangeId.Kraken, "0/public/Trades", e))).Value
                    .Rows(r => KrakenParsers.Trade(r, Kraken("BTC/USD")))))
            {
                RowsAt = "result.XXBTZUSD", Fallbacks = Set("Id"), // older answers carry no trade id
            },

            // Kraken spot WebSocket v2
            new("Kraken book snapshot (real)", File("kraken/ws/v2_book_snapshot_USDG_USD_checksum_verified.json"), "Kraken", "v2 book frame",
                e => Parsed.One(KrakenStreamParsers.Books(e))),
            new("Kraken book snapshot", File("kraken/ws/v2_book_snapshot_shape_only.json"), "Kraken", "v2 book frame",
                e => Parsed.One(KrakenStreamParsers.Books(e))),
            new("Kraken ticker frame", File("kraken/ws/v2_ticker_snapshot.json"), "Kraken", "v2 ticker frame",
                e => Parsed.One(new { Tickers = KrakenStreamParsers.Tickers(e, AnyKraken), Books = KrakenStreamParsers.BookTickers(e, AnyKraken) }))
            {
                MayBeNegative = Set("change", "change_pct"),
            },
            new("Kraken subscribe answer", File("kraken/ws/v2_subscribe_response.json"), "Kraken", "v2 frame",
                e => Parsed.One(KrakenStreamParsers.Classify(e))),
            new("Kraken trade frame (documented shape)", KrakenTradeFrame, "Kraken", "v2 trade frame",
                e => Parsed.One(KrakenStreamParsers.Trades(e, AnyKraken))),
            new("Kraken ohlc frame (documented shape)", KrakenOhlcFrame, "Kraken", "v2 ohlc frame",
                e => Parsed.One(KrakenStreamParsers.Candles(e, AnyKraken))),
            new("Kraken status frame (documented shape)", KrakenStatusFrame, "Kraken", "v2 status frame",
                e => Parsed.One(KrakenStreamParsers.Status(e))),
        };
        return cases;
    }

    private static Parsed ExecutionReport(JsonElement frame, SymbolInfo symbol)
    {
        var e = BinanceUserDataParsers.Event(frame);
        return Parsed.One(new { Order = BinanceUserDataParsers.Order(e, symbol), Fill = BinanceUserDataParsers.Fill(e, symbol) });
    }

    // Shapes from Kraken's REST docs, as in KrakenParserTests.
    private const string KrakenTickerAnswer = """
        {"error":[],"result":{"XXBTZUSD":{"a":["30300.10000","1","1.000"],"b":["30300.00000","1","1.000"],"c":["30303.20000","0.00067643"],
         "v":["4083.67001100","4412.73601799"],"p":["30706.77771","30689.13205"],"t":[34619,38907],
         "l":["29868.30000","29868.30000"],"h":["31631.00000","31631.00000"],"o":"30502.80000"}}}
        """;

    private const string KrakenTradesAnswer = """
        {"error":[],"result":{"XXBTZUSD":[["30243.40000","0.34507674",1688669597.8277369,"b","m","",61309883],
         ["30243.30000","0.00100000",1688669598.1,"s","l","",61309884]],"last":"1688669598100000000"}}
        """;

    // Shapes from Kraken's WebSocket v2 docs, as in KrakenStreamParserTests.
    private const string KrakenTradeFrame = """
        {"channel":"trade","type":"update","data":[
         {"symbol":"MATIC/USD","side":"sell","price":0.5117,"qty":40.0,"ord_type":"market","trade_id":4665906,"timestamp":"2023-09-25T07:49:37.708706Z"},
         {"symbol":"MATIC/USD","side":"buy","price":0.5118,"qty":12.5,"ord_type":"limit","trade_id":4665907,"timestamp":"2023-09-25T07:49:38Z"}]}
        """;

    private const string KrakenOhlcFrame = """
        {"channel":"ohlc","type":"snapshot","timestamp":"2023-10-04T16:26:30.524394914Z","data":[
         {"symbol":"MATIC/USD","open":0.5624,"high":0.5628,"low":0.5622,"close":0.5627,"trades":12,"volume":1463.5,"vwap":0.5626,
          "interval_begin":"2023-10-04T16:20:00.000000000Z","interval":5,"timestamp":"2023-10-04T16:25:00.000000Z"},
         {"symbol":"MATIC/USD","open":0.5627,"high":0.5630,"low":0.5625,"close":0.5629,"trades":3,"volume":100,"vwap":0.5628,
          "interval_begin":"2023-10-04T16:25:00.000000000Z","interval":5,"timestamp":"2023-10-04T16:30:00.000000Z"}]}
        """;

    private const string KrakenStatusFrame = """
        {"channel":"status","type":"update","data":[{"version":"2.0.0","system":"online","api_version":"v2","connection_id":12393906104898154338}]}
        """;
}
