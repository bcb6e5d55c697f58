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
    private readonly MultiRowInsert _customers;
    private readonly MultiRowInsert _lines;
    private EncodedRows _batch = new(BatchRows);
    private Thread? _thread;
    private volatile ExceptionDispatchInfo? _failure;
    private volatile bool _abandoned;

    public SqliteBulkWriter(SqliteConnection connection, int rowsPerStatement = 64)
    {
        _customers = new MultiRowInsert(connection, SqliteTable.Customers, rowsPerStatement, upsert: true);
        _lines = new MultiRowInsert(connection, SqliteTable.Lines, rowsPerStatement, upsert: true);
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
        // Consecutive rows of one table go out together, many to a statement; order between tables is kept.
        var from = 0;
        while (from < rows.Count)
        {
            var isLine = rows.IsLine(from);
            var to = from + 1;
            while (to < rows.Count && rows.IsLine(to) == isLine)
            {
                to++;
            }

            (isLine ? _lines : _customers).Write(rows, from, to);
            from = to;
        }

        Written += rows.Count;
    }

    private sealed record Work(EncodedRows? Rows, ManualResetEventSlim? Done);
}
