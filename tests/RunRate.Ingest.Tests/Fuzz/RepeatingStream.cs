namespace RunRate.Ingest.Tests.Fuzz;

/// <summary>
/// A read-only stream of <c>prefix + unit × repeat + suffix</c> produced on the fly, so a test can feed a file of
/// tens of megabytes (a header with millions of columns) without holding it, and measure what the reader allocates.
/// </summary>
internal sealed class RepeatingStream(byte[] prefix, byte[] unit, long repeat, byte[] suffix) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => prefix.Length + (unit.Length * repeat) + suffix.Length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var written = 0;
        var body = unit.Length * repeat;
        while (written < count && _position < Length)
        {
            var (source, at) = _position < prefix.Length ? (prefix, _position)
                : _position - prefix.Length < body ? (unit, (_position - prefix.Length) % unit.Length)
                : (suffix, _position - prefix.Length - body);
            var n = (int)Math.Min(count - written, source.Length - at);
            Array.Copy(source, at, buffer, offset + written, n);
            written += n;
            _position += n;
        }

        return written;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
