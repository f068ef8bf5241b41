using System.Text.Json;
using Fluxum.Engine.Json;

namespace Fluxum.Engine.Transport;

/// <summary>
/// Reading a REST answer where it is known what it answers: the root handed to the parser carries the exchange
/// and the endpoint, so whatever value the parser finds wrong is reported as "(exchange)'s answer to GET
/// /(path) cannot be right: bids[3][0] ...".
/// </summary>
internal static class RestTransportParsing
{
    /// <summary>Sends the request and reads its answer with <paramref name="read"/> while the document is alive.</summary>
    public static async Task<T> ReadAsync<T>(this RestTransport rest, RestRequest request, Func<JsonField, T> read, CancellationToken ct)
    {
        using var doc = await rest.SendAsync(request, ct).ConfigureAwait(false);
        return rest.Answer(request, doc).Read(read);
    }

    /// <summary>The root of <paramref name="doc"/>, said to be this exchange's answer to <paramref name="request"/>.</summary>
    public static JsonField Answer(this RestTransport rest, RestRequest request, JsonDocument doc) =>
        new(doc.RootElement, AnswerSource.Rest(rest.Exchange, request.Method, request.Path));
}
