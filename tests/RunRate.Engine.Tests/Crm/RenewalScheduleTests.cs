using RunRate.Engine.Crm.Renewals;
using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Support;
using Shouldly;

namespace RunRate.Engine.Tests.Crm;

public sealed class RenewalScheduleTests
{
    private static readonly Engine.Ledger.RevenueLedger Ledger = new LedgerBuilder()
        .Subscription("A", "2025-03-01", null, 12000m, interval: 12, id: "L1")
        .Subscription("B", "2025-05-01", "2026-05-01", 6000m, interval: 12, id: "L2")
        .Subscription("C", "2025-02-01", "2026-02-01", 2400m, interval: 12, id: "L3")
        .Subscription("C", "2026-02-01", null, 3600m, interval: 12, id: "L4")
        .Subscription("D", "2025-01-10", "2026-01-10", 1200m, interval: 12, id: "L5")
        .Subscription("E", "2025-01-20", null, 100m, id: "L6")
        .Subscription("F", "2025-06-01", null, 4800m, interval: 12, id: "L7")
        .Subscription("G", "2024-04-01", null, 24000m, interval: 24, id: "L8")
        .Build();

    private static IReadOnlyList<RenewalMonth> Half(int minInterval = 12) =>
        RenewalSchedule.Compute(Ledger, new RenewalRequest(CurrencyCode.Parse("USD"), T.Month("2026-01"), T.Month("2026-06"), T.Day("2026-04-15"), minInterval));

    [Fact]
    public void Each_term_end_is_renewed_lost_open_or_ending_by_what_the_ledger_shows()
    {
        Half().Select(m => $"{m.Month}: " + string.Join(", ", m.Items.Select(i => $"{i.Line.Id} {i.Due:MM-dd} {i.Status} {i.Arr}")))
            .ShouldBe(
            [
                "2026-01: L5 01-10 Lost 1200",
                "2026-02: L3 02-01 Renewed 2400",
                "2026-03: L1 03-01 Renewed 12000",
                "2026-04: L8 04-01 Renewed 12000",
                "2026-05: L2 05-01 Ending 6000",
                "2026-06: L7 06-01 Open 4800",
            ]);
    }

    [Fact]
    public void A_renewal_written_as_a_new_line_names_the_successor_and_its_arr()
    {
        var item = Half()[1].Items.Single();
        item.Successor!.Id.Value.ShouldBe("L4");
        item.SuccessorArr.ShouldBe(T.X(3600m));
    }

    [Fact]
    public void Month_totals_and_the_renewal_rate_only_count_decided_renewals()
    {
        var months = Half();
        months[0].ShouldSatisfyAllConditions(m => m.DueArr.ShouldBe(T.X(1200m)), m => m.LostArr.ShouldBe(T.X(1200m)), m => m.RenewalRate.ShouldBe(Exact.Zero));
        months[1].RenewalRate.ShouldBe(Exact.One);
        months[4].ShouldSatisfyAllConditions(m => m.OpenArr.ShouldBe(T.X(6000m)), m => m.RenewalRate.ShouldBeNull());
    }

    [Fact]
    public void Monthly_lines_have_renewals_only_when_asked_for()
    {
        Half().SelectMany(m => m.Items).ShouldNotContain(i => i.Line.Id.Value == "L6");
        Half(minInterval: 1).SelectMany(m => m.Items).Count(i => i.Line.Id.Value == "L6").ShouldBe(6);
    }

    [Fact]
    public void The_next_due_day_is_the_first_term_end_after_the_day_and_none_after_the_end()
    {
        var l1 = Ledger.Lines.Single(l => l.Id.Value == "L1");
        RenewalSchedule.NextDue(l1, T.Day("2026-02-28")).ShouldBe(T.Day("2026-03-01"));
        RenewalSchedule.NextDue(l1, T.Day("2026-03-01")).ShouldBe(T.Day("2027-03-01"));
        RenewalSchedule.NextDue(Ledger.Lines.Single(l => l.Id.Value == "L5"), T.Day("2026-01-10")).ShouldBeNull();
    }
}
