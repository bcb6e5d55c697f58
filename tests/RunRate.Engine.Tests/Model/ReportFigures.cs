using System.Globalization;
using RunRate.Engine.Metrics;
using Shouldly;

namespace RunRate.Engine.Tests.Model;

/// <summary>Every figure of a bridge report as text lines, so two reports compare figure by figure with readable differences.</summary>
internal static class ReportFigures
{
    public static List<string> Flatten(BridgeReport report)
    {
        var lines = new List<string>();
        foreach (var m in report.Months)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{m.Month} open {m.OpeningMrr} new {m.New} exp {m.Expansion} con {m.Contraction} churn {m.Churn} react {m.Reactivation} close {m.ClosingMrr} sub {m.SubscriptionArr} addon {m.AddonArr}"));
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{m.Month} customers {m.OpeningCustomers}->{m.Customers} +{m.NewCustomers} r{m.ReactivatedCustomers} -{m.ChurnedCustomers} churn rate {m.CustomerChurnRate} nrr {m.Nrr} grr {m.Grr} growth {m.GrowthYoy} one-time {m.OneTimeRevenue}"));
        }

        foreach (var c in report.Cohorts)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"cohort {c.Cohort} size {c.Customers} mrr [{string.Join(' ', c.Mrr)}] logos [{string.Join(' ', c.LogoRetention)}]"));
        }

        return lines;
    }

    public static void ShouldEqualFigures(this BridgeReport actual, BridgeReport expected, string? context = null)
    {
        var a = Flatten(actual);
        var e = Flatten(expected);
        var differences = a.Zip(e).Where(p => p.First != p.Second).Select(p => $"model: {p.First}\nengine: {p.Second}").Take(6).ToList();
        differences.ShouldBeEmpty(context);
        a.Count.ShouldBe(e.Count, context);
    }
}
