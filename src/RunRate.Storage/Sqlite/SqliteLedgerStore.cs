using System.Globalization;
using Microsoft.Data.Sqlite;
using RunRate.Engine.Ledger;
using RunRate.Ingest;

namespace RunRate.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode with full synchronous commits. Every write runs
/// in one transaction; reads take a consistent snapshot.
/// </summary>
public sealed class SqliteLedgerStore : ILedgerStore
{
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _clock;

    private SqliteLedgerStore(string path, SqliteConnection connection, TimeProvider clock)
    {
        Location = path;
        _connection = connection;
        _clock = clock;
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <summary>
    /// Opens (and with <paramref name="create"/>, creates) a store and brings its schema up to date.
    /// A missing file without <paramref name="create"/> is an error: reports never create empty stores.
    /// </summary>
    public static SqliteLedgerStore Open(string path, bool create, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!create && !File.Exists(path))
        {
            throw new StoreException($"No ledger store at {path}. Import a ledger first: runrate import FOLDER --db {path}");
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new StoreException($"Cannot create the store {path}: the folder {directory} does not exist.");
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 30,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            // A large page cache keeps a big import transaction in memory instead of spilling pages mid-way.
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;");
            Migrate(connection);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new StoreException($"Cannot open the store {path}: {ex.Message}", ex);
        }

        return new SqliteLedgerStore(path, connection, clock ?? TimeProvider.System);
    }

    /// <summary>The schema version of the open store.</summary>
    public int SchemaVersion => Convert.ToInt32(Scalar(_connection, "PRAGMA user_version"), CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public ILedgerImportSession Begin(bool replace) => new SqliteImportSession(_connection, replace, _clock);

    /// <inheritdoc />
    public RevenueLedger Load()
    {
        using var transaction = _connection.BeginTransaction(deferred: true);
        var customers = SqliteRows.ReadCustomers(_connection, transaction);
        var rates = SqliteRows.ReadFx(_connection, transaction);
        var lines = SqliteRows.ReadLines(_connection, transaction);
        transaction.Commit();
        return new RevenueLedger(customers, lines, new FxTable(rates));
    }

    /// <inheritdoc />
    public IReadOnlyList<ImportRecord> Imports()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id, at, mode, customers, lines, fx_rates FROM imports ORDER BY id DESC";
        using var reader = command.ExecuteReader();
        var result = new List<ImportRecord>();
        while (reader.Read())
        {
            result.Add(new ImportRecord(
                reader.GetInt64(0),
                DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture),
                reader.GetString(2),
                reader.GetInt32(3),
                reader.GetInt64(4),
                reader.GetInt32(5)));
        }

        return result;
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private static void Migrate(SqliteConnection connection)
    {
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture);
        if (version > SqliteMigrations.Steps.Length)
        {
            throw new StoreException($"The store was written by a newer RunRate (schema {version}, this version knows {SqliteMigrations.Steps.Length}). Upgrade RunRate.");
        }

        for (var step = version; step < SqliteMigrations.Steps.Length; step++)
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = SqliteMigrations.Steps[step] + $"\nPRAGMA user_version = {step + 1};";
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
