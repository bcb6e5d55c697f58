namespace RunRate.Ingest;

/// <summary>A read-only pass-through stream that reports how much of the underlying file has been read.</summary>
internal sealed class ProgressStream(Stream inner, IProgress<double>? progress) : Stream
{
    private long _read;
    private long _lastReported = -1;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = inner.Read(buffer, offset, count);
        _read += n;
        if (progress is not null && inner.CanSeek && inner.Length > 0 && _read - _lastReported >= 1 << 20)
        {
            _lastReported = _read;
            progress.Report((double)_read / inner.Length);
        }

        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
