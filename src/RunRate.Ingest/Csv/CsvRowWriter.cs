using System.Globalization;

namespace RunRate.Ingest.Csv;

/// <summary>
/// Writes CSV rows field by field: RFC 4180 quoting only for text that needs it (comma, quote, CR, LF),
/// numbers and dates in the invariant culture formatted without allocating, and <c>\n</c> after every
/// row whatever the writer's <see cref="TextWriter.NewLine"/>, so output is identical on every OS.
/// </summary>
public sealed class CsvRowWriter(TextWriter writer)
{
    private readonly TextWriter _writer = writer;
    private bool _started;

    public void Header(string[] columns)
    {
        foreach (var column in columns)
        {
            Text(column);
        }

        End();
    }

    public void Text(string? value)
    {
        Separator();
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            _writer.Write(value);
            return;
        }

        _writer.Write('"');
        _writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        _writer.Write('"');
    }

    public void Date(DateOnly? value)
    {
        Separator();
        if (value is { } date)
        {
            Span<char> buffer = stackalloc char[10];
            date.TryFormat(buffer, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            _writer.Write(buffer[..written]);
        }
    }

    public void Decimal(decimal value)
    {
        Separator();
        Span<char> buffer = stackalloc char[64];
        value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        _writer.Write(buffer[..written]);
    }

    public void Int(int? value)
    {
        Separator();
        if (value is { } number)
        {
            Span<char> buffer = stackalloc char[16];
            number.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
            _writer.Write(buffer[..written]);
        }
    }

    public void End()
    {
        _writer.Write('\n');
        _started = false;
    }

    private void Separator()
    {
        if (_started)
        {
            _writer.Write(',');
        }

        _started = true;
    }
}
