using RunRate.Engine.Forecast;
using RunRate.Storage.Forecast;

namespace RunRate.Storage.Postgres;

/// <summary>The <c>scenarios</c> table of a <see cref="PostgresLedgerStore"/>: names unique ignoring case (by their invariant upper case, as in SQLite).</summary>
internal sealed class PostgresScenarioStore(PostgresLedgerStore store, TimeProvider clock) : IScenarioStore
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

        return store.Write(session =>
        {
            Upsert(session, scenario);
            return WriteOutcome.Done;
        });
    }

    /// <summary>Inserts or replaces (by name ignoring case) a scenario inside a caller's transaction.</summary>
    internal void Upsert(PgSession session, Scenario scenario)
    {
        var rules = scenario.Rules ?? ScenarioRules.None;
        session.Execute(
            $"""
            INSERT INTO scenarios (name_key, {Columns}, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (name_key) DO UPDATE SET name = excluded.name, churn_points = excluded.churn_points,
                new_percent = excluded.new_percent, expansion_percent = excluded.expansion_percent,
                price_percent = excluded.price_percent, price_from = excluded.price_from,
                pipeline_percent = excluded.pipeline_percent, updated_at = excluded.updated_at
            """,
            Key(scenario.Name),
            scenario.Name,
            rules.ChurnPoints,
            rules.NewPercent,
            rules.ExpansionPercent,
            rules.PricePercent,
            rules.PriceFrom is { } from ? PgValues.Month(from) : null,
            rules.PipelinePercent,
            clock.GetUtcNow().ToUniversalTime());
    }

    public bool Delete(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return store.Write(session =>
            session.Execute("DELETE FROM scenarios WHERE name_key = $1", Key(name)) == 0 ? WriteOutcome.NotFound : WriteOutcome.Done)
            == WriteOutcome.Done;
    }

    /// <summary>The case-insensitive key: invariant upper case, the same folding as <see cref="StringComparer.OrdinalIgnoreCase"/>.</summary>
    private static string Key(string name) => name.ToUpperInvariant();

    private List<Scenario> Read(string? key) => store.Read(
        session =>
        {
            using var reader = key is null
                ? session.Query($"SELECT {Columns} FROM scenarios")
                : session.Query($"SELECT {Columns} FROM scenarios WHERE name_key = $1", key);
            var result = new List<Scenario>();
            while (reader.Read())
            {
                decimal? Number(int i) => reader.IsDBNull(i) ? null : reader.GetDecimal(i);
                result.Add(new Scenario(reader.GetString(0), new ScenarioRules
                {
                    ChurnPoints = Number(1),
                    NewPercent = Number(2),
                    ExpansionPercent = Number(3),
                    PricePercent = Number(4),
                    PriceFrom = reader.IsDBNull(5) ? null : PgValues.Month(reader.GetFieldValue<DateOnly>(5)),
                    PipelinePercent = Number(6),
                }));
            }

            return result;
        },
        snapshot: false);
}
