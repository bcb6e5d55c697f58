using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;

using RunRate.Storage.Tests.Support;

namespace RunRate.Storage.Tests.Ledger;

public abstract class ImportPropertyTests(IStoreEngine engine)
{
    private const string Header = "line_id,customer_id,kind,product,start_date,end_date,amount,quantity,currency,interval_months";

    private static readonly int[] Intervals = [1, 3, 5, 7, 12, 36];

    /// <summary>Random valid ledger rows (customers C0..C4) as CSV lines without header.</summary>
    private static Gen<string[]> Rows() =>
        Gen.Choose(1, 25).SelectMany(count => Gen.ArrayOf(Row(), count)).Select(rows => rows.Select((r, i) => $"L{i}," + r).ToArray());

    private static Gen<string> Row() =>
        from customer in Gen.Choose(0, 4)
        from kind in Gen.Elements("subscription", "addon", "one_time")
        from startDay in Gen.Choose(0, 900)
        from length in Gen.Choose(0, 500)
        from cents in Gen.Choose(0, 500_000)
        from quantity in Gen.Choose(1, 12)
        from interval in Gen.Elements(Intervals)
        from currency in Gen.Elements("USD", "EUR")
        let start = new DateOnly(2023, 1, 1).AddDays(startDay)
        let end = kind == "one_time" || length == 0 ? "" : start.AddDays(length).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        select string.Create(CultureInfo.InvariantCulture,
            $"C{customer},{kind},P,{start:yyyy-MM-dd},{end},{cents / 100m:0.00},{quantity},{currency},{(kind == "one_time" ? "" : interval)}");

    private const string Customers = "customer_id,segment\nC0,A\nC1,B\nC2,A\nC3,B\nC4,A\n";
    private const string Fx = "date,from,to,rate\n2022-01-01,EUR,USD,1.0832\n2024-03-01,EUR,USD,1.117304\n";

    [StoreFact]
    public void Row_order_does_not_change_any_figure_and_reimport_is_idempotent() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(25), Prop.ForAll(
            Rows().SelectMany(rows => Gen.Shuffle(rows).Select(shuffled => (rows, shuffled))).ToArbitrary(),
            pair =>
            {
                using var a = engine.NewStore();
                using var b = engine.NewStore();
                Assert.True(a.Import(Customers, Csv(pair.rows), Fx).Succeeded);
                Assert.True(b.Import(Customers, Csv(pair.shuffled), Fx).Succeeded);
                var first = Figures(a);
                Assert.Equal(first, Figures(b));

                Assert.True(a.Import(Customers, Csv(pair.rows), Fx).Succeeded);
                Assert.Equal(first, Figures(a));
            }));

    private static string Csv(string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    private static string Figures(TestStore temp)
    {
        using var store = temp.Open();
        var report = RevenueEngine.Compute(store.Load(), new ReportRequest(CurrencyCode.Usd, new YearMonth(2023, 1), new YearMonth(2026, 6)));
        var text = new StringBuilder();
        foreach (var m in report.Months)
        {
            text.Append(CultureInfo.InvariantCulture, $"{m.Month}|{m.OpeningMrr}|{m.New}|{m.Expansion}|{m.Contraction}|{m.Churn}|{m.Reactivation}|{m.ClosingMrr}|{m.Customers}|{m.Nrr}|{m.OneTimeRevenue}\n");
        }

        foreach (var c in report.Cohorts)
        {
            text.Append(CultureInfo.InvariantCulture, $"{c.Cohort}|{c.Customers}|{string.Join(';', c.Mrr)}\n");
        }

        return text.ToString();
    }
}

public sealed class ImportPropertyTestsOnSqlite() : ImportPropertyTests(new SqliteEngine());

public sealed class ImportPropertyTestsOnPostgres(PostgresEngine engine) : ImportPropertyTests(engine), IClassFixture<PostgresEngine>, IRunsOnPostgres;
