using System.Net;
using System.Net.Http.Headers;

namespace Fluxum.Engine.Transport;

/// <summary>
/// The body of every request that carries one: it can be written to a connection once, and every later attempt
/// is refused before a byte of it is written. SocketsHttpHandler buffers a request's headers and sends them with
/// the first bytes of the body, so a refused body means nothing of the second attempt reaches the wire (measured:
/// tests/Fluxum.Tests/Transport/SendOnceContentTests). That stops a resend from any layer below the transport: the
/// handler's own connection retry, a followed redirect, a retrying handler someone adds. Being buffered (read into
/// memory by a handler, which could then send the copy any number of times) and being read as a stream are refused
/// too.
/// </summary>
internal sealed class SendOnceContent : HttpContent
{
    private readonly byte[] _body;
    private int _written;

    public SendOnceContent(byte[] body, string? mediaType)
    {
        _body = body;
        if (mediaType is not null) Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = mediaType == WireRequest.JsonMediaType ? "utf-8" : null };
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        Claim(stream);
        await stream.WriteAsync(_body, cancellationToken).ConfigureAwait(false);
    }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        Claim(stream);
        stream.Write(_body);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return true;
    }

    protected override Task<Stream> CreateContentReadStreamAsync() =>
        throw new ResendRefusedException("The body of a request that may change state cannot be read back: a copy of it could be sent again.");

    private void Claim(Stream destination)
    {
        // HttpContent buffers into a stream type of its own (a MemoryStream before .NET 9): a buffered body is sent
        // from the buffer without coming back here, so buffering would open a way around this guard.
        if (destination is MemoryStream || destination.GetType().DeclaringType == typeof(HttpContent))
        {
            throw new ResendRefusedException("The body of a request that may change state cannot be buffered: a buffered copy could be sent again.");
        }

        if (Interlocked.Exchange(ref _written, 1) != 0)
        {
            throw new ResendRefusedException("A request that may change state was about to be sent a second time by a layer below Fluxum's transport; it was refused before it left.");
        }
    }
}

/// <summary>A second send of a state-changing request, refused by <see cref="SendOnceContent"/>.</summary>
internal sealed class ResendRefusedException(string message) : InvalidOperationException(message);
