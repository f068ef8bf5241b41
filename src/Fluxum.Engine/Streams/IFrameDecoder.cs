using System.Net.WebSockets;

namespace Fluxum.Engine.Streams;

/// <summary>
/// Turns one WebSocket message into the frame a protocol reads. JSON text today (<see cref="TextFrames"/>); an
/// exchange that gzips or sends protobuf plugs in its own without a session of its own.
/// </summary>
internal interface IFrameDecoder
{
    /// <summary>The frame (valid only until the protocol returns), or empty to skip the message.</summary>
    ReadOnlyMemory<byte> Decode(ReadOnlyMemory<byte> message, WebSocketMessageType type);
}

/// <summary>UTF-8 JSON as it comes, text or binary alike: the protocols parse bytes, a string per frame would be garbage for nothing.</summary>
internal sealed class TextFrames : IFrameDecoder
{
    public static readonly TextFrames Instance = new();

    public ReadOnlyMemory<byte> Decode(ReadOnlyMemory<byte> message, WebSocketMessageType type) => message;
}
