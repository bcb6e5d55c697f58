using System.Globalization;
using Microsoft.Data.Sqlite;
using RunRate.Storage.Sqlite;

namespace RunRate.Storage.Audit;

/// <summary>The <c>audit_log</c> table of a <see cref="SqliteLedgerStore"/>. Appending does not move the ledger's revision.</summary>
internal sealed class SqliteAuditLog(SqliteLedgerStore store, SqliteConnection connection) : IAuditLog, ITransactionalAuditLog
{
    private const string Columns = "seq, at, actor, action, entity, entity_id, before_json, after_json, detail";

    /// <inheritdoc />
    public PendingAudit Pending { get; } = new();

    public AuditEntry Append(AuditEntry entry) => Append(null, entry);

    /// <summary>Appends inside <paramref name="transaction"/> (a write transaction of the store), or on its own when null.</summary>
    internal AuditEntry Append(SqliteTransaction? transaction, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json, detail)
                VALUES ($at, $actor, $action, $entity, $id, $before, $after, $detail) RETURNING seq
                """;
            command.Parameters.AddWithValue("$at", entry.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$actor", entry.Actor);
            command.Parameters.AddWithValue("$action", entry.Action);
            command.Parameters.AddWithValue("$entity", entry.Entity);
            command.Parameters.AddWithValue("$id", (object?)entry.EntityId ?? DBNull.Value);
            command.Parameters.AddWithValue("$before", (object?)entry.Before ?? DBNull.Value);
            command.Parameters.AddWithValue("$after", (object?)entry.After ?? DBNull.Value);
            command.Parameters.AddWithValue("$detail", (object?)entry.Detail ?? DBNull.Value);
            var seq = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            return entry with { Seq = seq };
        }
        catch (SqliteException ex)
        {
            throw new StoreException($"Cannot write to the audit log of {store.Location}: {ex.Message}", ex);
        }
    }

    /// <summary>Appends the armed entries (<see cref="Pending"/>) inside the store's committing write transaction.</summary>
    internal void WritePending(SqliteTransaction transaction) => Pending.WriteInto(entry => Append(transaction, entry));

    public IReadOnlyList<AuditEntry> List(AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var command = connection.CreateCommand();
        var where = new List<string>();
        void Filter(string clause, string name, object? value)
        {
            if (value is null)
            {
                return;
            }

            where.Add(clause);
            command.Parameters.AddWithValue(name, value);
        }

        Filter("seq < $before", "$before", query.BeforeSeq);
        Filter("entity = $entity", "$entity", query.Entity);
        Filter("entity_id = $id", "$id", query.EntityId);
        Filter("actor = $actor", "$actor", query.Actor);
        Filter("at >= $from", "$from", query.From?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        Filter("at < $to", "$to", query.To?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        command.CommandText = $"SELECT {Columns} FROM audit_log {(where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where))} ORDER BY seq DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", Math.Clamp(query.Limit, 1, 10_000));
        using var reader = command.ExecuteReader();
        var result = new List<AuditEntry>();
        while (reader.Read())
        {
            result.Add(new AuditEntry(
                reader.GetInt64(0),
                DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                Text(reader, 5),
                Text(reader, 6),
                Text(reader, 7),
                Text(reader, 8)));
        }

        return result;
    }

    private static string? Text(SqliteDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
}
