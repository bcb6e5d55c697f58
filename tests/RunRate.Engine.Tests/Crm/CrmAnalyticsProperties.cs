using FsCheck.Xunit;
using RunRate.Engine.Crm;
using RunRate.Engine.Crm.Renewals;
using RunRate.Engine.Crm.Signals;
using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Generators;
using Shouldly;

namespace RunRate.Engine.Tests.Crm;

[Properties(MaxTest = 100, Arbitrary = new[] { typeof(LedgerArbitraries) })]
public sealed class CrmAnalyticsProperties
{
    [Property]
    public void Every_signal_has_a_reason_a_capped_score_and_an_active_account(LedgerCase ledgerCase)
    {
        var ledger = ledgerCase.Ledger();
        var asOf = ledgerCase.To.LastDay;
        foreach (var signal in SignalEngine.Compute(ledger, CrmData.Empty, new SignalOptions(CurrencyCode.Usd, asOf)))
        {
            signal.Reasons.ShouldNotBeEmpty();
            signal.Reasons.ShouldAllBe(r => r.Points > 0 && r.Text.Length > 0);
            signal.Score.ShouldBe(Math.Min(100, signal.Reasons.Sum(r => r.Points)));
            signal.Arr.ShouldBeGreaterThan(Exact.Zero);
        }
    }

    [Property]
    public void Signals_do_not_depend_on_the_order_of_rows_or_the_line_ids(ShuffledLedgerCase pair)
    {
        static IEnumerable<string> Keys(LedgerCase c) =>
            SignalEngine.Compute(c.Ledger(), CrmData.Empty, new SignalOptions(CurrencyCode.Usd, c.To.LastDay))
                .Select(s => $"{s.Kind} {s.Account.Id} {s.Score} {string.Join(",", s.Reasons.Select(r => r.Code + r.Points))}")
                .Order(StringComparer.Ordinal);

        Keys(pair.Shuffled).ShouldBe(Keys(pair.Original));
    }

    [Property]
    public void Each_renewal_month_splits_its_due_arr_exactly_into_renewed_lost_and_open(LedgerCase ledgerCase)
    {
        var request = new RenewalRequest(CurrencyCode.Usd, ledgerCase.From, ledgerCase.To, ledgerCase.From.AddMonths(3).LastDay, MinIntervalMonths: 1);
        var months = RenewalSchedule.Compute(ledgerCase.Ledger(), request);
        months.Count.ShouldBe(ledgerCase.To.MonthsSince(ledgerCase.From) + 1);
        foreach (var month in months)
        {
            (month.RenewedArr + month.LostArr + month.OpenArr).ShouldBe(month.DueArr);
            month.Items.ShouldAllBe(i => YearMonth.Of(i.Due) == month.Month && i.Due > i.Line.Start && (i.Line.End == null || i.Due <= i.Line.End));
            if (month.RenewalRate is { } rate)
            {
                rate.ShouldBeInRange(Exact.Zero, Exact.One);
            }
        }
    }
}
