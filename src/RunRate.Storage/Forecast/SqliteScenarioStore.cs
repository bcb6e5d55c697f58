using System.Globalization;
using Microsoft.Data.Sqlite;
using RunRate.Engine.Forecast;
using RunRate.Engine.Primitives;
using RunRate.Storage.Sqlite;

namespace RunRate.Storage.Forecast;

/// <summary>The <c>scenarios</c> table of a <see cref="SqliteLedgerStore"/>, written through its transactions.</summary>
internal sealed class SqliteScenarioStore(SqliteLedgerStore store, SqliteConnection connection, TimeProvider clock) : IScenarioStore
{
    private const string Columns = "name, churn_points, new_percent, expansion_percent, price_percent, price_from, pipeline_percent";

    public IReadOnlyList<Scenario> List() =>
        [.. Read(null).OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Name, StringComparer.Ordinal)];

    public Scenario? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Read(Key(name)).SingleOrDefault();
    }

    public WriteOutcome Save(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (string.IsNullOrWhiteSpace(scenario.Name))
        {
            return WriteOutcome.Invalid;
        }

        return store.Write(transaction =>
        {
            Upsert(transaction, scenario);
            return WriteOutcome.Done;
        });
    }

    /// <summary>Inserts or replaces (by name ignoring case) a scenario inside a caller's transaction.</summary>
    internal void Upsert(SqliteTransaction transaction, Scenario scenario)
    {
        var rules = scenario.Rules ?? ScenarioRules.None;
        store.Execute(
            transaction,
            $"""
            INSERT INTO scenarios (name_key, {Columns}, updated_at) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8)
            ON CONFLICT(name_key) DO UPDATE SET name = excluded.name, churn_points = excluded.churn_points,
                new_percent = excluded.new_percent, expansion_percent = excluded.expansion_percent,
                price_percent = excluded.price_percent, price_from = excluded.price_from,
                pipeline_percent = excluded.pipeline_percent, updated_at = excluded.updated_at
            """,
            Key(scenario.Name),
            scenario.Name,
            Text(rules.ChurnPoints),
            Text(rules.NewPercent),
            Text(rules.ExpansionPercent),
            Text(rules.PricePercent),
            rules.PriceFrom?.ToString(),
            Text(rules.PipelinePercent),
            clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
    }

    public bool Delete(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return store.Write(transaction =>
            store.Execute(transaction, "DELETE FROM scenarios WHERE name_key = $p0", Key(name)) == 0 ? WriteOutcome.NotFound : WriteOutcome.Done)
            == WriteOutcome.Done;
    }

    /// <summary>The case-insensitive key: invariant upper case, the same folding as <see cref="StringComparer.OrdinalIgnoreCase"/>.</summary>
    private static string Key(string name) => name.ToUpperInvariant();

    private static string? Text(decimal? value) => value is { } v ? SqliteRows.Decimal(v) : null;

    private static decimal? Number(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : SqliteRows.ParseDecimal(reader.GetString(ordinal));

    private List<Scenario> Read(string? key)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM scenarios" + (key is null ? "" : " WHERE name_key = $key");
        if (key is not null)
        {
            command.Parameters.AddWithValue("$key", key);
        }

        using var reader = command.ExecuteReader();
        var result = new List<Scenario>();
        while (reader.Read())
        {
            result.Add(new Scenario(reader.GetString(0), new ScenarioRules
            {
                ChurnPoints = Number(reader, 1),
                NewPercent = Number(reader, 2),
                ExpansionPercent = Number(reader, 3),
                PricePercent = Number(reader, 4),
                PriceFrom = reader.IsDBNull(5) ? null : YearMonth.Parse(reader.GetString(5)),
                PipelinePercent = Number(reader, 6),
            }));
        }

        return result;
    }
}
