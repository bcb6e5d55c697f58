using System.Globalization;
using System.Text;
using RunRate.Engine.Ledger;

namespace RunRate.Storage.Sqlite;

/// <summary>
/// A batch of customer and line rows already turned into the bytes SQLite stores (UTF-8 text, canonical dates and
/// decimals, the attributes JSON). The importing thread encodes; the writer thread only binds and inserts, so the
/// two cores share the work. Columns follow <see cref="SqliteTable.Customers"/> and <see cref="SqliteTable.Lines"/>.
/// </summary>
internal sealed class EncodedRows
{
    public const int Columns = 10;
    public const int NullSlot = -1;
    public const int IntegerSlot = -2;
    private const int Null = NullSlot;
    private const int Integer = IntegerSlot;

    private static readonly byte[][] Kinds = [.. Enum.GetValues<LineKind>().Select(k => Encoding.UTF8.GetBytes(k.ToLedgerText()))];

    private readonly int[] _starts;
    private readonly int[] _lengths;
    private readonly bool[] _isLine;
    private byte[] _bytes = new byte[256 * 1024];
    private int _used;

    public EncodedRows(int capacity)
    {
        Capacity = capacity;
        _starts = new int[capacity * Columns];
        _lengths = new int[capacity * Columns];
        _isLine = new bool[capacity];
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    public bool IsFull => Count == Capacity;

    public bool IsLine(int row) => _isLine[row];

    /// <summary>Empties the batch for reuse (its buffers are large: reusing them keeps the GC quiet).</summary>
    public void Clear()
    {
        Count = 0;
        _used = 0;
    }

    /// <summary>Null, an integer (<paramref name="integer"/>) or UTF-8 text (<paramref name="text"/>).</summary>
    public int Kind(int row, int column, out ReadOnlySpan<byte> text, out int integer)
    {
        var slot = (row * Columns) + column;
        var length = _lengths[slot];
        text = length >= 0 ? _bytes.AsSpan(_starts[slot], length) : default;
        integer = length == Integer ? _starts[slot] : 0;
        return length;
    }

    /// <summary>The bytes every text value of the batch points into (see <see cref="Slot"/>).</summary>
    public byte[] Buffer => _bytes;

    /// <summary>Like <see cref="Kind"/>, but a text value is given as its offset in <see cref="Buffer"/>.</summary>
    public int Slot(int row, int column, out int start)
    {
        var slot = (row * Columns) + column;
        start = _starts[slot];
        return _lengths[slot];
    }

    public void Add(Customer customer)
    {
        var row = Count++;
        _isLine[row] = false;
        Text(row, 0, customer.Id.Value);
        Text(row, 1, customer.Name);
        Text(row, 2, customer.Country);
        Text(row, 3, customer.Segment);
        Text(row, 4, customer.Channel);
        Text(row, 5, customer.Owner);
        Text(row, 6, SqliteRows.Attributes(customer));
    }

    public void Add(RevenueLine line)
    {
        var row = Count++;
        _isLine[row] = true;
        Text(row, 0, line.Id.Value);
        Text(row, 1, line.CustomerId.Value);
        Bytes(row, 2, Kinds[(int)line.Kind]);
        Text(row, 3, line.Product);
        Date(row, 4, line.Start);
        Date(row, 5, line.End);
        Decimal(row, 6, line.Amount);
        Decimal(row, 7, line.Quantity);
        Text(row, 8, line.Currency.Value);
        var slot = (row * Columns) + 9;
        _starts[slot] = line.IntervalMonths ?? 0;
        _lengths[slot] = line.IntervalMonths is null ? Null : Integer;
    }

    private void Text(int row, int column, string? value)
    {
        if (value is null)
        {
            _lengths[(row * Columns) + column] = Null;
            return;
        }

        var length = Encoding.UTF8.GetBytes(value, Room(row, column, Encoding.UTF8.GetMaxByteCount(value.Length)));
        _used += _lengths[(row * Columns) + column] = length;
    }

    private void Bytes(int row, int column, ReadOnlySpan<byte> value)
    {
        value.CopyTo(Room(row, column, value.Length));
        _used += _lengths[(row * Columns) + column] = value.Length;
    }

    /// <summary>yyyy-MM-dd, as <see cref="SqliteRows.Date"/> writes it.</summary>
    private void Date(int row, int column, DateOnly? value)
    {
        if (value is not { } date)
        {
            _lengths[(row * Columns) + column] = Null;
            return;
        }

        var text = Room(row, column, 10);
        Digits(text[..4], date.Year);
        text[4] = (byte)'-';
        Digits(text.Slice(5, 2), date.Month);
        text[7] = (byte)'-';
        Digits(text.Slice(8, 2), date.Day);
        _used += _lengths[(row * Columns) + column] = 10;
    }

    /// <summary>The invariant text of a decimal, as <see cref="SqliteRows.Decimal"/> writes it.</summary>
    private void Decimal(int row, int column, decimal value)
    {
        if (!value.TryFormat(Room(row, column, 64), out var written, default, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"Cannot format {value}.");
        }

        _used += _lengths[(row * Columns) + column] = written;
    }

    private Span<byte> Room(int row, int column, int bytes)
    {
        if (_used + bytes > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + bytes));
        }

        _starts[(row * Columns) + column] = _used;
        return _bytes.AsSpan(_used, bytes);
    }

    private static void Digits(Span<byte> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
