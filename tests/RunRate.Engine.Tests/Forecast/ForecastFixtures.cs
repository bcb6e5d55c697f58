using System.Globalization;
using System.Text;
using RunRate.Engine.Crm;
using RunRate.Engine.Forecast;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Support;

namespace RunRate.Engine.Tests.Forecast;

/// <summary>The worked example of docs/forecast.md and small helpers for forecast tests.</summary>
internal static class ForecastFixtures
{
    /// <summary>
    /// Segment "smb": A 600 from Dec 2024 (+ a 100 add-on from 1 Mar 2025), B 400 from Dec 2024 ending
    /// 1 Feb 2025, C 300 from 15 Jan 2025 ending 1 May 2025 (a known end after the as-of month), D 300
    /// from 10 Mar 2025. Segment "ent": E 2,000 from Jun 2024, no movement.
    /// </summary>
    public static RevenueLedger WorkedLedger() => new LedgerBuilder()
        .Customer("A", segment: "smb").Customer("B", segment: "smb").Customer("C", segment: "smb")
        .Customer("D", segment: "smb").Customer("E", segment: "ent")
        .Subscription("A", "2024-12-01", null, 600m)
        .Addon("A", "2025-03-01", null, 100m)
        .Subscription("B", "2024-12-01", "2025-02-01", 400m)
        .Subscription("C", "2025-01-15", "2025-05-01", 300m)
        .Subscription("D", "2025-03-10", null, 300m)
        .Subscription("E", "2024-06-01", null, 2000m)
        .Build();

    /// <summary>E has an open proposal (50 %) of 12,000 ARR expected to close on 20 May 2025, and a lost deal.</summary>
    public static CrmData WorkedCrm() => WithDeals(
        OpenDeal("D1", "E", "proposal", 12_000m, "2025-05-20"),
        OpenDeal("D2", "A", "lost", 50_000m, "2025-04-10"));

    public static ForecastRequest WorkedRequest(ScenarioRules? rules = null) =>
        new(CurrencyCode.Usd, T.Month("2025-03"), 3, WindowMonths: 3, Rules: rules, Backtest: false);

    public static ForecastReport Worked(ScenarioRules? rules = null) =>
        ForecastEngine.Forecast(WorkedLedger(), WorkedCrm(), WorkedRequest(rules));

    public static Deal OpenDeal(string id, string account, string stage, decimal arr, string close, string currency = "USD") =>
        new(new DealId(id), new CustomerId(account), id, stage, arr, CurrencyCode.Parse(currency), DealKind.NewBusiness,
            T.Day(close), null, null, null, T.Day("2025-01-02"), [new StageChange(stage, T.Day("2025-01-02"))]);

    public static CrmData WithDeals(params Deal[] deals) => CrmData.Empty with { Deals = [.. deals] };

    /// <summary>Every figure of a report as text, so two reports can be compared whole.</summary>
    public static string Dump(ForecastReport report)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        Line($"arr {report.Arr} carr {report.Carr}");
        foreach (var h in report.History)
        {
            Line($"history {h.Month} {h.Mrr}");
        }

        foreach (var m in report.Months)
        {
            Line($"month {m.Month} {m.Contracted} {m.Trend} {m.Pipeline} {m.Low} {m.High} {m.Movements}");
        }

        foreach (var r in report.Rates)
        {
            Line($"rates {r}");
        }

        foreach (var s in report.SkippedDeals)
        {
            Line($"skipped {s}");
        }

        foreach (var p in report.Backtest?.Points ?? [])
        {
            Line($"point {p}");
        }

        foreach (var e in report.Backtest?.Mape ?? [])
        {
            Line($"mape {e}");
        }

        return text.ToString();
    }
}
