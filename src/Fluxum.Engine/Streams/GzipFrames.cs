using System.IO.Compression;
using System.Net.WebSockets;

namespace Fluxum.Engine.Streams;

/// <summary>
/// Binary messages gzip-compressed JSON (Bitrue sends its market frames so), text messages as they come. The
/// frame is inflated into one buffer reused per connection: valid only until the protocol returns, as the
/// decoder contract says, and the session reads one message at a time.
/// </summary>
internal sealed class GzipFrames : IFrameDecoder
{
    private byte[] _buffer = new byte[16 * 1024];

    public ReadOnlyMemory<byte> Decode(ReadOnlyMemory<byte> message, WebSocketMessageType type)
    {
        if (type != WebSocketMessageType.Binary) return message;
        using var source = new MemoryStream(message.ToArray(), writable: false);
        using var gzip = new GZipStream(source, CompressionMode.Decompress);
        var length = 0;
        while (true)
        {
            if (length == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
            var n = gzip.Read(_buffer, length, _buffer.Length - length);
            if (n == 0) break;
            length += n;
        }

        return _buffer.AsMemory(0, length);
    }
}
