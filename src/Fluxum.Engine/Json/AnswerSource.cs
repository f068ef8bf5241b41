using Fluxum.Models;

namespace Fluxum.Engine.Json;

/// <summary>
/// Who sent a JSON answer and in reply to what ("answer to GET /api/v3/depth", "depthUpdate event"), fixed where
/// the answer arrives, so a value in it that cannot be right is reported with its exchange and endpoint by
/// whichever parser reads it.
/// </summary>
internal sealed record AnswerSource(ExchangeId Exchange, string What)
{
    /// <summary>A REST answer: "answer to GET /api/v3/depth" (the path without its query, so nothing signed shows).</summary>
    public static AnswerSource Rest(ExchangeId exchange, HttpMethod method, string path) =>
        new(exchange, $"answer to {method.Method} /{path.TrimStart('/')}");

    /// <summary>A stream message: "depthUpdate event", "v2 book frame".</summary>
    public static AnswerSource Stream(ExchangeId exchange, string message) => new(exchange, message);

    public override string ToString() => $"{Exchange}'s {What}";
}
