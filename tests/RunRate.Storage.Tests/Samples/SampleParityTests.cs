using System.Globalization;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;
using RunRate.Ingest;
using RunRate.Storage.Tests.Support;
using Shouldly;

namespace RunRate.Storage.Tests.Samples;

/// <summary>Each contract sample ledger, imported into SQLite and into PostgreSQL, gives the same figures to the last digit.</summary>
public sealed class SampleParityTests(PostgresEngine engine) : IClassFixture<PostgresEngine>
{
    public static TheoryData<string> Samples() => ["seed-examples", "valuation", "random-small", "random-medium"];

    [PostgresFact]
    public void Every_sample_gives_identical_figures_on_SQLite_and_PostgreSQL()
    {
        foreach (var sample in Samples())
        {
            using var sqlite = new SqliteEngine().NewStore();
            using var postgres = engine.NewStore();
            var onSqlite = Figures(sqlite, sample);
            var onPostgres = Figures(postgres, sample);

            onSqlite.Count.ShouldBeGreaterThan(12, sample);
            for (var i = 0; i < onSqlite.Count; i++)
            {
                onPostgres[i].ShouldBe(onSqlite[i], $"{sample}, figure row {i}");
            }

            onPostgres.Count.ShouldBe(onSqlite.Count, sample);
        }
    }

    private static List<string> Figures(TestStore temp, string sample)
    {
        var folder = Folder(sample);
        string? Optional(string file) => File.Exists(Path.Combine(folder, file)) ? Path.Combine(folder, file) : null;
        using (var store = temp.Open())
        {
            var fx = Optional("fx.csv");
            var source = new LedgerSource(() => File.OpenRead(Path.Combine(folder, "customers.csv")), () => File.OpenRead(Path.Combine(folder, "lines.csv")), fx is null ? null : () => File.OpenRead(fx), null);
            LedgerImport.Run(source, store, replace: false).Succeeded.ShouldBeTrue(sample);
        }

        using var reopened = temp.Open();
        var ledger = reopened.Load();
        var report = RevenueEngine.Compute(ledger, new ReportRequest(CurrencyCode.Usd, new YearMonth(2020, 1), new YearMonth(2026, 12)));
        var rows = new List<string>
        {
            string.Join('|', ledger.Customers.Select(c => $"{c.Id}:{c.Name}:{c.Segment}:{c.Country}")),
            string.Join('|', ledger.Lines.Select(l => l.ToString())),
        };
        rows.AddRange(report.Months.Select(m => string.Create(CultureInfo.InvariantCulture,
            $"{m.Month}|{m.OpeningMrr}|{m.New}|{m.Expansion}|{m.Contraction}|{m.Churn}|{m.Reactivation}|{m.ClosingMrr}|{m.Customers}|{m.Nrr}|{m.OneTimeRevenue}")));
        rows.AddRange(report.Cohorts.Select(c => $"{c.Cohort}|{c.Customers}|{string.Join(';', c.Mrr)}"));
        return rows;
    }

    private static string Folder(string sample)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "samples", sample);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"tests/samples/{sample} not found above {AppContext.BaseDirectory}");
    }
}
