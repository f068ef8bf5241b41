using System.Buffers;

namespace Fluxum.Engine.Transport;

/// <summary>Reads an answer's body, counting what arrived, so an answer cut off in transfer can say how far it got.</summary>
internal static class ResponseBody
{
    public static async Task<byte[]> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var expected = response.Content.Headers.ContentLength;
        using var body = new MemoryStream(expected is > 0 and < 1 << 24 ? (int)expected : 4096);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            int n;
            while ((n = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0) body.Write(chunk, 0, n);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            // A timeout tears the connection down, which can surface as an I/O error: it is still the timeout.
            ct.ThrowIfCancellationRequested();
            throw new CutOffException(body.Length, expected, e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return body.ToArray();
    }

    /// <summary>The connection ended after <see cref="Received"/> bytes of a body that had <see cref="Expected"/> (when the answer said).</summary>
    public sealed class CutOffException(long received, long? expected, Exception inner) : Exception("The answer was cut off.", inner)
    {
        public long Received { get; } = received;
        public long? Expected { get; } = expected;
    }
}
