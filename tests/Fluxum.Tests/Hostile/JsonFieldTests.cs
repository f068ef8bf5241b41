using System.Text.Json;
using Fluxum.Engine.Json;
using Fluxum.Errors;
using Fluxum.Models;

namespace Fluxum.Tests.Hostile;

/// <summary>How JsonField reads values and names the ones that cannot be right.</summary>
public class JsonFieldTests
{
    private static readonly AnswerSource Depth = AnswerSource.Rest(ExchangeId.Binance, HttpMethod.Get, "api/v3/depth");

    private static JsonField Root(string json, AnswerSource? source = null) => new(JsonDocument.Parse(json).RootElement, source);

    private static string Error(Action read) => Assert.IsType<InvalidFieldException>(Assert.ThrowsAny<FxException>(read)).Message;

    [Fact]
    public void A_value_deep_in_the_answer_is_named_by_its_path_with_exchange_and_endpoint()
    {
        var root = Root("""{"result":{"XXBTZUSD":{"bids":[["1","2"],["3",{"x":1}]]}}}""", Depth);
        var bids = root.Get("result").Members().Single().Get("bids");
        Assert.Equal("result.XXBTZUSD.bids", bids.Path);
        Assert.Equal("Binance's answer to GET /api/v3/depth cannot be right: result.XXBTZUSD.bids[1][1] is an object, not a number.",
            Error(() => bids.Items().Select(l => l.Decimal(1)).ToList()));
        Assert.Equal("Binance's answer to GET /api/v3/depth cannot be right: result.XXBTZUSD.asks is missing.",
            Error(() => root.Get("result").Get("XXBTZUSD").Get("asks")));
    }

    [Theory]
    [InlineData("\"60741.67000000\"", "60741.67")]
    [InlineData("60741.67000000", "60741.67")]
    [InlineData("\"1e-3\"", "0.001")]
    [InlineData("\"0\"", "0")]
    [InlineData("\"-0.0\"", "0")]
    public void Money_reads_as_decimal_without_its_padding(string json, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Root($$"""{"p":{{json}}}""").Decimal("p"));

    [Theory]
    [InlineData("\"abc\"", "p is \"abc\", not a number")]
    [InlineData("1e400", "p is 1e400, too large for a decimal number")]
    [InlineData("\"1e400\"", "p is \"1e400\", too large for a decimal number")]
    [InlineData("\"-2.5\"", "p is \"-2.5\", below zero")]
    [InlineData("null", "p is null")]
    [InlineData("true", "p is true, not a number")]
    [InlineData("\"NaN\"", "p is \"NaN\", not a number")]
    public void A_number_that_cannot_be_right_is_named(string json, string problem) =>
        Assert.Contains(problem, Error(() => Root($$"""{"p":{{json}}}""").Decimal("p")), StringComparison.Ordinal);

    [Fact]
    public void Signed_reads_keep_negative_values_and_optional_reads_take_absence()
    {
        var root = Root("""{"change":"-12.5","id":-1,"gone":null}""");
        Assert.Equal(-12.5m, root.SignedDecimal("change"));
        Assert.Equal(-1, root.SignedLongOrNull("id"));
        Assert.Null(root.DecimalOrNull("gone"));
        Assert.Null(root.DecimalOrNull("absent"));
        Assert.Contains("id is -1, below zero", Error(() => root.LongOrNull("id")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("42", 42L)]
    [InlineData("\"9780331417\"", 9780331417L)]
    [InlineData("1.0", 1L)]
    public void Whole_numbers_read_as_long(string json, long expected) => Assert.Equal(expected, Root($$"""{"n":{{json}}}""").Long("n"));

    [Theory]
    [InlineData("1.5", "not a whole number")]
    [InlineData("99999999999999999999", "too large for a whole number")]
    [InlineData("\"x\"", "not a number")]
    public void Numbers_that_are_not_whole_or_too_large_are_named(string json, string problem) =>
        Assert.Contains("n is " + json + ", " + problem, Error(() => Root($$"""{"n":{{json}}}""").Long("n")), StringComparison.Ordinal);

    [Fact]
    public void Times_must_be_after_1970_and_before_the_year_10000()
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1633835466289), Root("""{"t":1633835466289}""").UnixMilliseconds("t"));
        Assert.Contains("below zero", Error(() => Root("""{"t":-1798761600000}""").UnixMilliseconds("t")), StringComparison.Ordinal);
        Assert.Contains("beyond any time", Error(() => Root("""{"t":999999999999999999}""").UnixMilliseconds("t")), StringComparison.Ordinal);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddTicks(16886695978277369), Root("""{"t":1688669597.8277369}""").UnixSeconds("t"));
    }

    [Fact]
    public void Rows_that_cannot_be_read_are_left_out_and_named_and_the_others_kept()
    {
        var rows = Root("""[{"p":"1"},{"p":"x"},{"p":"3"},{"q":"4"}]""", Depth).Rows(r => new { P = r.Decimal("p") });
        Assert.Equal(new[] { 1m, 3m }, rows.Select(r => r.P));
        Assert.Equal(4, rows.Rows);
        Assert.Equal("Binance's answer to GET /api/v3/depth: row [1] is left out, as [1].p is \"x\", not a number.", rows.Errors[0].Message);
        Assert.Equal("Binance's answer to GET /api/v3/depth: row [3] is left out, as [3].p is missing.", rows.Errors[1].Message);
    }

    [Fact]
    public void Arithmetic_beyond_a_decimal_is_an_error_about_the_answer_not_a_bare_OverflowException()
    {
        var root = Root("""{"p":"70000000000000000000000000000","q":"2"}""", Depth);
        var e = Assert.IsType<InvalidFieldException>(Assert.ThrowsAny<FxException>(() => root.Read(r => r.Decimal("p") * r.Decimal("q"))));
        Assert.Contains("Binance's answer to GET /api/v3/depth cannot be right: the answer holds a value out of range", e.Message, StringComparison.Ordinal);
    }
}
