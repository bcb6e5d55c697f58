using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Microsoft.Data.Sqlite;
using RunRate.Engine.Ledger;

namespace RunRate.Storage.Sqlite;

/// <summary>
/// Writes an import's customers and lines on a thread of its own, so that SQLite inserts run on one core while the
/// importer parses and validates on another. Rows travel in order, in batches, through a bounded queue (memory
/// stays a few batches whatever the file's size); every use of the connection, here or by the session, happens
/// under one lock, so the connection is never used by two threads at once. A failure is kept and rethrown on the
/// caller's next call; nothing after it is written.
/// </summary>
internal sealed class SqliteBulkWriter : IDisposable
{
    private const int BatchRows = 2048;

    private readonly BlockingCollection<Work> _queue = new(boundedCapacity: 8);
    private readonly ConcurrentQueue<EncodedRows> _free = new();
    private readonly RawStatement _customers;
    private readonly RawStatement _lines;
    private EncodedRows _batch = new(BatchRows);
    private Thread? _thread;
    private volatile ExceptionDispatchInfo? _failure;
    private volatile bool _abandoned;

    public SqliteBulkWriter(SqliteConnection connection)
    {
        _customers = new RawStatement(connection, Positional(SqliteTable.Customers));
        _lines = new RawStatement(connection, Positional(SqliteTable.Lines));
    }

    /// <summary>Held by whoever uses the connection.</summary>
    public object Gate { get; } = new();

    /// <summary>Rows written so far (customers and lines).</summary>
    public long Written { get; private set; }

    public void Add(Customer customer)
    {
        _batch.Add(customer);
        PostWhenFull();
    }

    public void Add(RevenueLine line)
    {
        _batch.Add(line);
        PostWhenFull();
    }

    /// <summary>Waits until every row added so far is written (or throws the writer's failure).</summary>
    public void Drain()
    {
        Post();
        if (_thread is not null)
        {
            using var done = new ManualResetEventSlim();
            _queue.Add(new Work(null, done));
            done.Wait();
        }

        _failure?.Throw();
    }

    public void Dispose()
    {
        _abandoned = true;
        _queue.CompleteAdding();
        _thread?.Join();
        _queue.Dispose();
        _customers.Dispose();
        _lines.Dispose();
    }

    private void PostWhenFull()
    {
        if (_batch.IsFull)
        {
            Post();
        }
    }

    private void Post()
    {
        _failure?.Throw();
        if (_batch.Count == 0)
        {
            return;
        }

        if (_thread is null)
        {
            _thread = new Thread(Run) { IsBackground = true, Name = "RunRate SQLite import writer" };
            _thread.Start();
        }

        _queue.Add(new Work(_batch, null));
        _batch = _free.TryDequeue(out var reused) ? reused : new EncodedRows(BatchRows);
    }

    private void Run()
    {
        foreach (var work in _queue.GetConsumingEnumerable())
        {
            if (work.Rows is not null && _failure is null && !_abandoned)
            {
                try
                {
                    lock (Gate)
                    {
                        Write(work.Rows);
                    }
                }
                catch (Exception ex)
                {
                    _failure = ExceptionDispatchInfo.Capture(ex);
                }
            }

            if (work.Rows is { } done)
            {
                done.Clear();
                _free.Enqueue(done);
            }

            work.Done?.Set();
        }
    }

    private void Write(EncodedRows rows)
    {
        for (var row = 0; row < rows.Count; row++)
        {
            var statement = rows.IsLine(row) ? _lines : _customers;
            var columns = rows.IsLine(row) ? SqliteTable.Lines.Columns.Length : SqliteTable.Customers.Columns.Length;
            for (var column = 0; column < columns; column++)
            {
                switch (rows.Kind(row, column, out var text, out var integer))
                {
                    case < -1: statement.Int(column + 1, integer); break;
                    case -1: statement.Null(column + 1); break;
                    default: statement.Utf8(column + 1, text); break;
                }
            }

            statement.Run();
        }

        Written += rows.Count;
    }

    private static string Positional(SqliteTable table) =>
        $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns)}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"?{i + 1}"))}) {table.Conflict}";

    private sealed record Work(EncodedRows? Rows, ManualResetEventSlim? Done);
}
