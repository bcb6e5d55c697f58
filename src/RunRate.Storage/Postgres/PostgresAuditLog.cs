using Npgsql;
using RunRate.Storage.Audit;

namespace RunRate.Storage.Postgres;

/// <summary>The <c>audit_log</c> table of a <see cref="PostgresLedgerStore"/> (append-only by trigger). Appending does not move the revision.</summary>
internal sealed class PostgresAuditLog(PostgresLedgerStore store) : IAuditLog, ITransactionalAuditLog
{
    private const string Columns = "seq, at, at_100ns, actor, action, entity, entity_id, before_json, after_json, detail";

    /// <inheritdoc />
    public PendingAudit Pending { get; } = new();

    public AuditEntry Append(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return store.Read(session => Append(session, entry), snapshot: false);
    }

    /// <summary>Appends through <paramref name="session"/> (inside its write transaction, when it has one).</summary>
    internal static AuditEntry Append(PgSession session, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var (at, rest) = PgValues.Instant(entry.At);
        var seq = (long)session.Scalar(
            """
            INSERT INTO audit_log (at, at_100ns, actor, action, entity, entity_id, before_json, after_json, detail)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING seq
            """,
            at,
            rest,
            entry.Actor,
            entry.Action,
            entry.Entity,
            entry.EntityId,
            entry.Before,
            entry.After,
            entry.Detail)!;
        return entry with { Seq = seq };
    }

    /// <summary>Appends the armed entries (<see cref="Pending"/>) inside the store's committing write transaction.</summary>
    internal void WritePending(PgSession session) => Pending.WriteInto(entry => Append(session, entry));

    public IReadOnlyList<AuditEntry> List(AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return store.Read(
            session =>
            {
                var where = new List<string>();
                var values = new List<object?>();
                void Filter(string clause, params object?[] parameters)
                {
                    if (parameters[0] is null)
                    {
                        return;
                    }

                    values.AddRange(parameters);
                    where.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, clause, [.. Enumerable.Range(values.Count - parameters.Length + 1, parameters.Length).Select(i => "$" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
                }

                Filter("seq < {0}", query.BeforeSeq);
                Filter("entity = {0}", query.Entity);
                Filter("entity_id = {0}", query.EntityId);
                Filter("actor = {0}", query.Actor);
                if (query.From is { } from)
                {
                    var (micros, rest) = PgValues.Instant(from);
                    Filter("(at, at_100ns) >= ({0}, {1})", micros, rest);
                }

                if (query.To is { } to)
                {
                    var (micros, rest) = PgValues.Instant(to);
                    Filter("(at, at_100ns) < ({0}, {1})", micros, rest);
                }

                values.Add(Math.Clamp(query.Limit, 1, 10_000));
                var sql = $"SELECT {Columns} FROM audit_log {(where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where))} ORDER BY seq DESC LIMIT ${values.Count}";
                using var reader = session.Query(sql, [.. values]);
                var result = new List<AuditEntry>();
                while (reader.Read())
                {
                    result.Add(new AuditEntry(
                        reader.GetInt64(0),
                        PgValues.Instant(reader.GetFieldValue<DateTime>(1), reader.GetInt16(2)),
                        reader.GetString(3),
                        reader.GetString(4),
                        reader.GetString(5),
                        Text(reader, 6),
                        Text(reader, 7),
                        Text(reader, 8),
                        Text(reader, 9)));
                }

                return result;
            },
            snapshot: false);
    }

    private static string? Text(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
}
