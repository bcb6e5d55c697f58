using System.Globalization;
using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Tests.Support;
using Shouldly;
using static RunRate.Engine.Tests.Support.T;

namespace RunRate.Engine.Tests.Metrics;

/// <summary>
/// Above 4096 customers the kernel splits the customers between threads and merges their totals. Three
/// segments holding identical copies of 1,400 customers must report exactly three times the money and
/// counts of one segment (which runs on one thread) and the very same ratios.
/// </summary>
public sealed class ManyCustomersTests
{
    private static readonly int[] Intervals = [1, 3, 7, 12];

    private static RevenueLedger ThreeIdenticalSegments()
    {
        var builder = new LedgerBuilder();
        foreach (var segment in new[] { "smb", "mid", "ent" })
        {
            for (var i = 0; i < 1400; i++)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"{segment}-{i}");
                var start = new DateOnly(2022, 1, 1).AddDays(i * 13 % 900);
                var amount = 10m + (i % 50) + 0.25m * (i % 4);
                var interval = Intervals[i % 4];
                var switchDay = start.AddDays(200);
                var end = i % 3 == 0 ? start.AddDays((i * 7 % 400) + 1) : (DateOnly?)null;
                builder.Customer(id, segment);
                if (i % 5 == 0)
                {
                    builder.Subscription(id, Iso(start), Iso(switchDay), amount, interval);
                    builder.Subscription(id, Iso(switchDay), end is { } e && e > switchDay ? Iso(e) : null, amount + (i % 2 == 0 ? 15 : -5), interval);
                }
                else
                {
                    builder.Subscription(id, Iso(start), end is null ? null : Iso(end.Value), amount, interval);
                }
            }
        }

        return builder.Build();
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void Multi_threaded_report_of_identical_segments_is_exactly_three_times_one_segment()
    {
        var ledger = ThreeIdenticalSegments();
        var whole = Report(ledger, "2023-01", "2024-12");
        var one = Report(ledger, "2023-01", "2024-12", LedgerFilter.All.Where("segment", "mid"));

        foreach (var (w, s) in whole.Months.Zip(one.Months))
        {
            var m = w.Month.ToString();
            w.OpeningMrr.ShouldBe(3 * s.OpeningMrr, m);
            w.ClosingMrr.ShouldBe(3 * s.ClosingMrr, m);
            (w.New, w.Expansion, w.Contraction, w.Churn, w.Reactivation)
                .ShouldBe((3 * s.New, 3 * s.Expansion, 3 * s.Contraction, 3 * s.Churn, 3 * s.Reactivation), m);
            (w.Customers, w.NewCustomers, w.ReactivatedCustomers, w.ChurnedCustomers)
                .ShouldBe((3 * s.Customers, 3 * s.NewCustomers, 3 * s.ReactivatedCustomers, 3 * s.ChurnedCustomers), m);
            (w.CustomerChurnRate, w.Nrr, w.Grr, w.GrowthYoy, w.QuickRatio, w.Arpa)
                .ShouldBe((s.CustomerChurnRate, s.Nrr, s.Grr, s.GrowthYoy, s.QuickRatio, s.Arpa), m);
        }

        whole.Cohorts.Count.ShouldBe(one.Cohorts.Count);
        foreach (var (w, s) in whole.Cohorts.Zip(one.Cohorts))
        {
            w.Customers.ShouldBe(3 * s.Customers);
            w.Mrr.ShouldBe(s.Mrr.Select(v => 3 * v));
            w.RevenueRetention.ShouldBe(s.RevenueRetention);
            w.LogoRetention.ShouldBe(s.LogoRetention);
        }

        whole.Months.ShouldContain(m => m.Churn != 0 && m.Expansion != 0 && m.Contraction != 0 && m.Nrr != null);
    }
}
