namespace RunRate.Ingest.Csv;

/// <summary>
/// A CSV file read record by record through its header: column order is free and names are
/// case-insensitive (spec section 1). Header problems (missing required columns, duplicates,
/// unknown columns where they are not allowed) are reported once, on line 1.
/// </summary>
internal sealed class CsvTable
{
    private readonly CsvRecordReader _reader;
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);
    private readonly LedgerErrors _errors;

    private CsvTable(string file, CsvRecordReader reader, LedgerErrors errors)
    {
        File = file;
        _reader = reader;
        _errors = errors;
    }

    public string File { get; }

    /// <summary>Header names in file order (trimmed).</summary>
    public IReadOnlyList<string> Header { get; private set; } = [];

    public int Line { get; private set; }

    /// <summary>
    /// Opens a table. Returns null (with errors recorded) when the header is unusable, because
    /// then no row can be read meaningfully.
    /// </summary>
    public static CsvTable? Open(string file, TextReader text, LedgerErrors errors, IReadOnlyCollection<string> required, IReadOnlyCollection<string>? allowed)
    {
        var table = new CsvTable(file, new CsvRecordReader(text), errors);
        var fields = new List<string>();
        table._reader.StopAtError = true; // a broken header ends the file's reading, so stop at its first problem
        var read = table._reader.TryRead(fields, out _, out var error);
        table._reader.StopAtError = false;
        if (!read)
        {
            errors.Add(file, 1, "header", $"the file is empty; expected a header with {string.Join(", ", required)}");
            return null;
        }

        if (error is not null)
        {
            errors.Add(file, 1, "header", error);
            return null;
        }

        var ok = true;
        var header = new List<string>(fields.Count);
        for (var i = 0; i < fields.Count; i++)
        {
            var name = fields[i].Trim();
            header.Add(name);
            if (name.Length == 0)
            {
                errors.Add(file, 1, "header", $"column {i + 1} has no name");
                ok = false;
            }
            else if (!table._columns.TryAdd(name, i))
            {
                errors.Add(file, 1, "header", $"column '{name}' appears twice");
                ok = false;
            }
            else if (allowed is not null && !allowed.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(file, 1, "header", $"unknown column '{name}'; expected only {string.Join(", ", allowed)}");
                ok = false;
            }
        }

        foreach (var name in required)
        {
            if (!table._columns.ContainsKey(name))
            {
                errors.Add(file, 1, "header", $"missing required column '{name}' (found: {string.Join(", ", header)})");
                ok = false;
            }
        }

        table.Header = header;
        return ok ? table : null;
    }

    /// <summary>Moves to the next non-blank record; malformed records are reported and skipped.</summary>
    public bool Next()
    {
        while (_reader.TryRead(out var line, out var error))
        {
            Line = line;
            if (error is not null)
            {
                _errors.Add(File, line, "row", error);
                continue;
            }

            if (_reader.Count == 1 && _reader[0].IsEmpty)
            {
                continue; // blank line
            }

            if (_reader.Count != Header.Count)
            {
                _errors.Add(File, line, "row", $"expected {Header.Count} fields like the header, found {_reader.Count}");
                continue;
            }

            return true;
        }

        return false;
    }

    /// <summary>The trimmed value of a column of the current record, "" when the column is absent.</summary>
    public string this[string column] => _columns.TryGetValue(column, out var i) ? _reader[i].Trim().ToString() : "";

    /// <summary>The value of a column exactly as written (free text that must round-trip, spaces included), "" when the column is absent.</summary>
    public string Raw(string column) => _columns.TryGetValue(column, out var i) ? _reader[i].ToString() : "";

    /// <summary>The trimmed value at a position.</summary>
    public string At(int index) => _reader[index].Trim().ToString();

    /// <summary>The position of a column, -1 when the file has no such column (read it with <see cref="Span"/>).</summary>
    public int IndexOf(string column) => _columns.TryGetValue(column, out var i) ? i : -1;

    /// <summary>The trimmed value at a position (empty for -1) without allocating; valid until <see cref="Next"/>.</summary>
    public ReadOnlySpan<char> Span(int index) => index < 0 ? [] : _reader[index].Trim();
}
