using Microsoft.AspNetCore.Http.Features;

namespace RunRate.Web.Infrastructure;

/// <summary>
/// Caps request bodies: <see cref="UploadBytes"/> for ledger and capture uploads, <see cref="JsonBytes"/> for
/// everything else. A declared length over the cap is refused before reading; a chunked body is
/// cut off as soon as it passes the cap. Either way the answer is a 413 problem.
/// </summary>
internal static class BodySizeLimits
{
    public const long UploadBytes = 100L * 1024 * 1024;

    public const long JsonBytes = 1024 * 1024;

    public static IApplicationBuilder UseBodySizeLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = IsUpload(context.Request) ? UploadBytes : JsonBytes;
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        if (context.Request.ContentLength is null && context.Request.Body is { } body && (HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method)))
        {
            context.Request.Body = new LimitedReadStream(body, limit);
        }

        await next(context);
    });

    public static BadHttpRequestException TooLarge(long limit) =>
        new($"The request body is larger than the limit of {limit / (1024 * 1024)} MB.", StatusCodes.Status413PayloadTooLarge);

    private static bool IsUpload(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.StartsWithSegments("/api/ledger", StringComparison.OrdinalIgnoreCase) || request.Path.StartsWithSegments("/api/capture", StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads through to the inner stream and fails once more than the limit has been read.</summary>
    private sealed class LimitedReadStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit ? throw TooLarge(limit) : read;
        }
    }
}
