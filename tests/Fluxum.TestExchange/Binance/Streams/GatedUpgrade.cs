using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Fluxum.TestExchange.Binance.Streams;

/// <summary>
/// Put in front of UseWebSockets: the upgraded transport of a WebSocket path is wrapped in a stream that passes
/// its writes through the connection's <see cref="SilenceGate"/> (found in HttpContext.Items).
/// </summary>
internal static class GatedUpgrade
{
    public const string GateKey = "fluxum.silence-gate";

    public static Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        var path = http.Request.Path.Value ?? "";
        if (BinanceStreamRoutes.IsStreamPath(path) && http.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true } inner)
        {
            var gate = new SilenceGate();
            http.Items[GateKey] = gate;
            http.Features.Set<IHttpUpgradeFeature>(new Feature(inner, gate));
        }

        return next(http);
    }

    private sealed class Feature(IHttpUpgradeFeature inner, SilenceGate gate) : IHttpUpgradeFeature
    {
        public bool IsUpgradableRequest => inner.IsUpgradableRequest;

        public async Task<Stream> UpgradeAsync() => new GatedStream(await inner.UpgradeAsync(), gate);
    }

    private sealed class GatedStream(Stream inner, SilenceGate gate) : Stream
    {
        public override bool CanRead => inner.CanRead;
        public override bool CanSeek => false;
        public override bool CanWrite => inner.CanWrite;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => inner.ReadAsync(buffer, ct);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => inner.ReadAsync(buffer, offset, count, ct);

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) => WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
        {
            if (gate.IsSilent) await gate.PassAsync(ct);
            await inner.WriteAsync(buffer, ct);
            gate.Count(buffer.Length);
        }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken ct) => inner.FlushAsync(ct);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }

        public override ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
