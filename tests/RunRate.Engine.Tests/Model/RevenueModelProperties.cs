using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Model;
using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Generators;
using Shouldly;

namespace RunRate.Engine.Tests.Model;

/// <summary>
/// The in-memory model must give the reference engine's figures exactly: from a full recompute, from the
/// maintained aggregates, and after any sequence of single-line changes.
/// </summary>
[Properties(MaxTest = 200, Arbitrary = new[] { typeof(LedgerArbitraries) })]
public sealed class RevenueModelProperties
{
    [Property]
    public void A_full_recompute_from_the_columns_equals_the_reference_engine(LedgerCase ledgerCase)
    {
        var ledger = ledgerCase.Ledger();
        var model = RevenueModel.Build(ledger, CurrencyCode.Usd);
        model.Compute(ledgerCase.Request()).ShouldEqualFigures(RevenueEngine.Compute(ledger, ledgerCase.Request()), ledgerCase.ToString());
    }

    [Property]
    public void The_maintained_aggregates_answer_any_window_like_the_reference_engine(LedgerCase ledgerCase, int shift)
    {
        var ledger = ledgerCase.Ledger();
        var model = RevenueModel.Build(ledger, CurrencyCode.Usd);

        // Windows inside, before and far after the ledger's months, where the aggregates are clamped.
        var offset = (shift % 120) - 40;
        var request = new ReportRequest(CurrencyCode.Usd, ledgerCase.From.AddMonths(offset), ledgerCase.To.AddMonths(offset + (Math.Abs(shift) % 30)));
        model.Report(request).ShouldEqualFigures(RevenueEngine.Compute(ledger, request), $"{request.From}..{request.To}\n{ledgerCase}");
    }

    [Property]
    public void Awkward_intervals_and_decimals_equal_the_reference_engine_or_are_refused_as_too_large(AwkwardLedgerCase awkward)
    {
        var ledger = awkward.Case.Ledger();
        RevenueModel model;
        try
        {
            model = RevenueModel.Build(ledger, CurrencyCode.Usd);
        }
        catch (NotSupportedException)
        {
            return; // the web and CLI then report from the snapshot with the reference engine
        }

        model.Report(awkward.Case.Request()).ShouldEqualFigures(RevenueEngine.Compute(ledger, awkward.Case.Request()), awkward.ToString());
    }

    [Property]
    public Property Line_by_line_changes_keep_the_aggregates_equal_to_a_rebuild() =>
        Prop.ForAll(
            LedgerGenerators.Case.ToArbitrary(),
            ArbMap.Default.ArbFor<int[]>(),
            (ledgerCase, choices) =>
            {
                var lines = ledgerCase.Lines.ToList();
                var held = lines.Take(lines.Count / 2).ToList();
                var pending = new Queue<RevenueLine>(lines.Skip(lines.Count / 2));
                var model = RevenueModel.Build(new RevenueLedger(ledgerCase.Customers, held, new FxTable(ledgerCase.Rates)), CurrencyCode.Usd);
                foreach (var choice in choices.Take(12))
                {
                    var (before, after) = Change(choice, held, pending);
                    if (before is null && after is null)
                    {
                        continue;
                    }

                    if (before is not null)
                    {
                        held.Remove(before);
                    }

                    if (after is not null)
                    {
                        held.Add(after);
                    }

                    var current = new RevenueLedger(ledgerCase.Customers, held, new FxTable(ledgerCase.Rates));
                    if (!model.TryApply(before, after))
                    {
                        model = RevenueModel.Build(current, CurrencyCode.Usd); // allowed: the caller rebuilds
                    }

                    model.Report(ledgerCase.Request()).ShouldEqualFigures(RevenueEngine.Compute(current, ledgerCase.Request()), $"after {before?.Id} -> {after?.Id}\n{ledgerCase}");
                }

                model.LineCount.ShouldBe(held.Count);
            });

    /// <summary>Picks a change: add a pending line, delete a held one, end one earlier, or change its quantity.</summary>
    private static (RevenueLine? Before, RevenueLine? After) Change(int choice, List<RevenueLine> held, Queue<RevenueLine> pending)
    {
        var pick = Math.Abs(choice % 4);
        if ((pick == 0 || held.Count == 0) && pending.Count > 0)
        {
            return (null, pending.Dequeue());
        }

        if (held.Count == 0)
        {
            return (null, null);
        }

        var line = held[Math.Abs(choice / 4 % held.Count)];
        return pick switch
        {
            1 => (line, null),
            2 when line.Kind != LineKind.OneTime => (line, line with { End = line.Start.AddDays(1 + Math.Abs(choice % 90)) }),
            _ => (line, line with { Quantity = line.Quantity + 1 }),
        };
    }
}
