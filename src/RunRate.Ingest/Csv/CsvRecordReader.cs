using System.Buffers;

namespace RunRate.Ingest.Csv;

/// <summary>
/// A streaming RFC 4180 reader that knows the physical line each record starts on, because every
/// error the product reports names <c>file:line</c>. Quoted fields may hold commas, quotes and line
/// breaks; CRLF, LF and lone CR all end a record; a leading UTF-8 BOM is skipped. Malformed input
/// (text after a closing quote, an unterminated quote, oversized records) is reported as a located
/// error rather than guessed at. A NUL character is an error too: no text file holds one (it is the mark of UTF-16 or
/// binary data), and PostgreSQL cannot store it in a text column.
/// </summary>
/// <remarks>
/// Fields are kept as ranges of one reused character buffer and read as spans (<see cref="this[int]"/>), so a
/// million-row file allocates nothing per field; runs of ordinary characters are found with a vectorised search
/// instead of one character at a time.
/// </remarks>
internal sealed class CsvRecordReader
{
    private const int MaxFields = 1024;
    private const int MaxRecordChars = 4 * 1024 * 1024;

    private static readonly SearchValues<char> Unquoted = SearchValues.Create(",\r\n\"\0");
    private static readonly SearchValues<char> Quoted = SearchValues.Create("\"\r\n\0");

    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[64 * 1024];
    private char[] _record = new char[1024];
    private int[] _starts = new int[32];
    private int[] _ends = new int[32];
    private int _recordLength;
    private int _fieldStart;
    private int _count;
    private int _length;
    private int _position;
    private int _line = 1;
    private bool _started;

    public CsvRecordReader(TextReader reader) => _reader = reader;

    /// <summary>
    /// When set, a read stops at the record's first error instead of reading on to its end. A header with millions of
    /// columns is refused after its 1025th field, not after the last one; the rest of the file is never read.
    /// </summary>
    public bool StopAtError { get; set; }

    /// <summary>Fields of the current record.</summary>
    public int Count => _count;

    /// <summary>A field of the current record, exactly as written (unquoted); valid until the next read.</summary>
    public ReadOnlySpan<char> this[int index] => _record.AsSpan(_starts[index], _ends[index] - _starts[index]);

    /// <summary>Reads the next record into <paramref name="fields"/> as strings; see <see cref="TryRead(out int, out string?)"/>.</summary>
    public bool TryRead(List<string> fields, out int line, out string? error)
    {
        fields.Clear();
        var read = TryRead(out line, out error);
        for (var i = 0; read && i < _count; i++)
        {
            fields.Add(this[i].ToString());
        }

        return read;
    }

    /// <summary>Reads the next record; false at end of input. <paramref name="error"/> is set (and the record should be skipped) when it is malformed.</summary>
    public bool TryRead(out int line, out string? error)
    {
        _count = 0;
        _recordLength = 0;
        _fieldStart = 0;
        error = null;
        if (!_started)
        {
            _started = true;
            if (Peek() == '\uFEFF')
            {
                _position++;
            }
        }

        line = _line;
        if (Peek() < 0)
        {
            return false;
        }

        var chars = 0;
        var inQuotes = false;
        var wasQuoted = false;
        var afterQuote = false;
        while (true)
        {
            if (error is not null && StopAtError)
            {
                return true;
            }

            if (_position >= _length && !Fill())
            {
                if (inQuotes)
                {
                    error = $"unterminated quoted field (opened on line {line})";
                }

                AddField(ref error);
                return true;
            }

            // A run of characters that need no decision is copied at once.
            var available = _buffer.AsSpan(_position, _length - _position);
            var run = available.IndexOfAny(inQuotes ? Quoted : Unquoted);
            if (run < 0)
            {
                run = available.Length;
            }

            if (run > 0)
            {
                if (chars + 1 > MaxRecordChars)
                {
                    error ??= $"record longer than {MaxRecordChars} characters";
                }

                if (afterQuote && !inQuotes)
                {
                    error ??= $"unexpected character '{available[0]}' after a closing quote (field {_count + 1})";
                }

                chars += run;
                if (chars > MaxRecordChars)
                {
                    error ??= $"record longer than {MaxRecordChars} characters";
                }

                Append(available[..run]);
                _position += run;
                continue;
            }

            var c = _buffer[_position++];
            if (++chars > MaxRecordChars)
            {
                error ??= $"record longer than {MaxRecordChars} characters";
            }

            if (c == '\0')
            {
                error ??= $"NUL character (byte 0) in field {_count + 1}; the file looks binary or UTF-16: save it as UTF-8 text";
                continue;
            }

            if (inQuotes)
            {
                if (c == '"')
                {
                    if (Peek() == '"')
                    {
                        _position++;
                        Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                        afterQuote = true;
                    }
                }
                else
                {
                    if (c == '\n' || (c == '\r' && Peek() != '\n'))
                    {
                        _line++;
                    }

                    Append(c);
                }

                continue;
            }

            switch (c)
            {
                case ',':
                    AddField(ref error);
                    wasQuoted = afterQuote = false;
                    break;
                case '\r':
                    if (Peek() == '\n')
                    {
                        _position++;
                    }

                    _line++;
                    AddField(ref error);
                    return true;
                case '\n':
                    _line++;
                    AddField(ref error);
                    return true;
                default: // a quote
                    if (_recordLength == _fieldStart && !wasQuoted)
                    {
                        inQuotes = wasQuoted = true;
                        break;
                    }

                    error ??= afterQuote
                        ? $"unexpected character '{c}' after a closing quote (field {_count + 1})"
                        : $"stray quote inside an unquoted field (field {_count + 1}); quote the whole field and double inner quotes";
                    Append(c);
                    break;
            }
        }
    }

    private void AddField(ref string? error)
    {
        if (_count >= MaxFields)
        {
            error ??= $"more than {MaxFields} fields";
        }
        else
        {
            if (_count == _starts.Length)
            {
                Array.Resize(ref _starts, _count * 2);
                Array.Resize(ref _ends, _count * 2);
            }

            _starts[_count] = _fieldStart;
            _ends[_count] = _recordLength;
            _count++;
        }

        _fieldStart = _recordLength;
    }

    private void Append(char c) => Append(new ReadOnlySpan<char>(in c));

    private void Append(ReadOnlySpan<char> chars)
    {
        // A record keeps at most MaxRecordChars characters in all (a longer one is an error anyway), so memory stays
        // bounded however many fields or characters a malformed line holds.
        var room = MaxRecordChars - _recordLength;
        if (chars.Length > room)
        {
            chars = chars[..Math.Max(room, 0)];
        }

        if (_recordLength + chars.Length > _record.Length)
        {
            Array.Resize(ref _record, Math.Max(_record.Length * 2, _recordLength + chars.Length));
        }

        chars.CopyTo(_record.AsSpan(_recordLength));
        _recordLength += chars.Length;
    }

    private int Peek()
    {
        if (_position >= _length && !Fill())
        {
            return -1;
        }

        return _buffer[_position];
    }

    private bool Fill()
    {
        _length = _reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
