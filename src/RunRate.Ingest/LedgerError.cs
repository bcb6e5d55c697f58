namespace RunRate.Ingest;

/// <summary>
/// One problem with an input file, located like a compiler error (<c>lines.csv:7: end_date: …</c>)
/// so that a user can jump straight to it.
/// </summary>
/// <param name="File">File name (without folder), e.g. <c>lines.csv</c>.</param>
/// <param name="Line">Physical line number; the header is line 1; 0 when the problem is the file itself.</param>
/// <param name="Column">Column name, or a word such as <c>header</c> or <c>file</c>.</param>
/// <param name="Message">What was expected and what was found.</param>
public sealed record LedgerError(string File, int Line, string Column, string Message)
{
    /// <inheritdoc />
    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}: {Column}: {Message}" : $"{File}: {Column}: {Message}";
}

/// <summary>
/// Collects every error of an import (not only the first). Keeps the first <see cref="Cap"/> in
/// full and counts the rest, so a ledger with a million broken rows neither floods the terminal
/// nor exhausts memory.
/// </summary>
public sealed class LedgerErrors
{
    private readonly List<LedgerError> _errors = [];

    /// <summary>Creates a collector keeping at most <paramref name="cap"/> errors in full.</summary>
    public LedgerErrors(int cap = 1000) => Cap = cap;

    /// <summary>How many errors are kept in full.</summary>
    public int Cap { get; }

    /// <summary>All errors seen, including the ones beyond the cap.</summary>
    public long Count { get; private set; }

    /// <summary>True when anything was wrong.</summary>
    public bool Any => Count > 0;

    /// <summary>The errors kept in full, in the order found.</summary>
    public IReadOnlyList<LedgerError> Items => _errors;

    /// <summary>Records an error.</summary>
    public void Add(LedgerError error)
    {
        Count++;
        if (_errors.Count < Cap)
        {
            _errors.Add(error);
        }
    }

    /// <summary>Records an error.</summary>
    public void Add(string file, int line, string column, string message) => Add(new LedgerError(file, line, column, message));
}
