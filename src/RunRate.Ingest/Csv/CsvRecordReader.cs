using System.Text;

namespace RunRate.Ingest.Csv;

/// <summary>
/// A streaming RFC 4180 reader that knows the physical line each record starts on, because every
/// error the product reports names <c>file:line</c>. Quoted fields may hold commas, quotes and line
/// breaks; CRLF, LF and lone CR all end a record; a leading UTF-8 BOM is skipped. Malformed input
/// (text after a closing quote, an unterminated quote, oversized records) is reported as a located
/// error rather than guessed at.
/// </summary>
internal sealed class CsvRecordReader
{
    private const int MaxFields = 1024;
    private const int MaxRecordChars = 4 * 1024 * 1024;

    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _field = new();
    private int _length;
    private int _position;
    private int _line = 1;
    private bool _started;

    public CsvRecordReader(TextReader reader) => _reader = reader;

    /// <summary>Reads the next record; false at end of input. <paramref name="error"/> is set (and the record skipped) when it is malformed.</summary>
    public bool TryRead(List<string> fields, out int line, out string? error)
    {
        fields.Clear();
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
        _field.Clear();
        var inQuotes = false;
        var wasQuoted = false;
        var afterQuote = false;
        while (true)
        {
            var c = Read();
            if (c < 0)
            {
                if (inQuotes)
                {
                    error = $"unterminated quoted field (opened on line {line})";
                }

                AddField(fields, ref error);
                return true;
            }

            if (++chars > MaxRecordChars && error is null)
            {
                error = $"record longer than {MaxRecordChars} characters";
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

                    Append((char)c);
                }

                continue;
            }

            switch (c)
            {
                case ',':
                    AddField(fields, ref error);
                    wasQuoted = afterQuote = false;
                    break;
                case '\r':
                    if (Peek() == '\n')
                    {
                        _position++;
                    }

                    _line++;
                    AddField(fields, ref error);
                    return true;
                case '\n':
                    _line++;
                    AddField(fields, ref error);
                    return true;
                case '"' when _field.Length == 0 && !wasQuoted:
                    inQuotes = wasQuoted = true;
                    break;
                default:
                    if (afterQuote || c == '"')
                    {
                        error ??= afterQuote
                            ? $"unexpected character '{(char)c}' after a closing quote (field {fields.Count + 1})"
                            : $"stray quote inside an unquoted field (field {fields.Count + 1}); quote the whole field and double inner quotes";
                    }

                    Append((char)c);
                    break;
            }
        }
    }

    private void AddField(List<string> fields, ref string? error)
    {
        if (fields.Count >= MaxFields)
        {
            error ??= $"more than {MaxFields} fields";
        }
        else
        {
            fields.Add(_field.ToString());
        }

        _field.Clear();
    }

    private void Append(char c)
    {
        if (_field.Length < MaxRecordChars)
        {
            _field.Append(c);
        }
    }

    private int Peek()
    {
        if (_position >= _length && !Fill())
        {
            return -1;
        }

        return _buffer[_position];
    }

    private int Read()
    {
        if (_position >= _length && !Fill())
        {
            return -1;
        }

        return _buffer[_position++];
    }

    private bool Fill()
    {
        _length = _reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
