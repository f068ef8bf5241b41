using Microsoft.AspNetCore.Http;

namespace Fluxum.TestExchange.Hosting;

/// <summary>
/// A request's parameters: the query string, plus an application/x-www-form-urlencoded body on POST (the query
/// wins when a name is in both, as both exchanges document).
/// </summary>
internal sealed class RequestParams
{
    private readonly IQueryCollection _query;
    private readonly IFormCollection? _form;

    private RequestParams(IQueryCollection query, IFormCollection? form)
    {
        _query = query;
        _form = form;
    }

    public static async Task<RequestParams> ReadAsync(HttpRequest request)
    {
        IFormCollection? form = null;
        if (!HttpMethods.IsGet(request.Method) && request.HasFormContentType)
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }

        return new RequestParams(request.Query, form);
    }

    /// <summary>The value, or null when not sent; an empty string when sent empty.</summary>
    public string? Get(string name)
    {
        if (_query.TryGetValue(name, out var q)) return q.ToString();
        if (_form is not null && _form.TryGetValue(name, out var f)) return f.ToString();
        return null;
    }

    /// <summary>The value, or null when not sent or empty.</summary>
    public string? NonEmpty(string name) => Get(name) is { Length: > 0 } v ? v : null;
}
