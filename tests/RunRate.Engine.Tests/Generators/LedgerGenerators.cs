using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Tests.Generators;

/// <summary>
/// Small random ledgers: 1-8 customers in three segments, 0-6 lines each (subscription, add-on,
/// one-time), awkward intervals, amounts and quantities with 0-2 decimals (amount 0 = free plan),
/// optional end dates, renewals/upgrades/downgrades as same-day end/start pairs, USD and EUR lines
/// with an EUR→USD table of 6-decimal rates.
/// </summary>
internal static class LedgerGenerators
{
    public static readonly DateOnly Epoch = new(2022, 1, 1);

    public static readonly int[] Intervals = [1, 2, 3, 5, 7, 12, 13, 36, 120];

    public static readonly string[] Segments = ["smb", "mid", "ent"];

    private static readonly CurrencyCode Eur = CurrencyCode.Parse("EUR");

    /// <summary>What to do to produce one line, before its start is tied to the previous line.</summary>
    private sealed record Draft(LineKind Kind, int Interval, decimal Amount, decimal Quantity, bool Euro, string? Product, DateOnly Start, Term? Term, bool FollowsPrevious);

    /// <summary>How long a line runs: some days, or whole months (ending on the same day of a later month).</summary>
    private sealed record Term(int Days, int Months)
    {
        public DateOnly EndFrom(DateOnly start) => start.AddMonths(Months).AddDays(Days);
    }

    public static Gen<decimal> Decimal(int minUnits, int maxUnits, int maxScale) =>
        from units in Gen.Choose(minUnits, maxUnits)
        from scale in Gen.Choose(0, maxScale)
        select new decimal(units, 0, 0, false, (byte)scale);

    /// <summary>The value distributions of a family of ledgers.</summary>
    private sealed record Profile(Gen<int> Interval, Gen<decimal> Amount, Gen<decimal> Quantity, Gen<decimal> Rate);

    /// <summary>Everyday ledgers: the listed intervals, cents, 6-decimal rates.</summary>
    private static readonly Profile Everyday = new(
        Gen.Elements(Intervals),
        Gen.Frequency((1, Gen.Constant(0m)), (6, Decimal(1, 2_000_000, 2)), (1, Decimal(1, 300, 0))),
        Gen.Frequency((3, Gen.Constant(1m)), (2, Decimal(1, 5_000, 2))),
        Gen.Choose(800_000, 1_400_000).Select(u => new decimal(u, 0, 0, false, 6)));

    /// <summary>
    /// Awkward ledgers: any interval 1..120 and many decimals everywhere, so the common denominator
    /// (10^scale × lcm of intervals) is huge and the engine usually needs its BigInteger kernel.
    /// </summary>
    private static readonly Profile Awkward = new(
        Gen.Choose(1, 120),
        Gen.Frequency((1, Gen.Constant(0m)), (6, Decimal(1, int.MaxValue, 10))),
        Decimal(1, 1_000_000, 6),
        Decimal(1, int.MaxValue, 12).Where(r => r > 0.0001m));

    /// <summary>Any day of the three years, or (often) the first of a month, as real contracts do.</summary>
    public static Gen<DateOnly> Day =>
        Gen.Frequency(
            (2, Gen.Choose(0, 3 * 365).Select(Epoch.AddDays)),
            (1, Gen.Choose(0, 35).Select(Epoch.AddMonths)));

    /// <summary>Open-ended, some days (sometimes very few), or whole months.</summary>
    private static Gen<Term?> TermGen =>
        Gen.Frequency(
            (2, Gen.Constant<Term?>(null)),
            (3, Gen.Choose(1, 800).Select(d => (Term?)new Term(d, 0))),
            (1, Gen.Choose(1, 3).Select(d => (Term?)new Term(d, 0))),
            (2, Gen.Choose(1, 24).Select(m => (Term?)new Term(0, m))));

    private static Gen<Draft> DraftGen(Profile profile) =>
        from kind in Gen.Frequency((5, Gen.Constant(LineKind.Subscription)), (3, Gen.Constant(LineKind.Addon)), (2, Gen.Constant(LineKind.OneTime)))
        from interval in profile.Interval
        from amount in profile.Amount
        from quantity in profile.Quantity
        from euro in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from product in Gen.Elements<string?>(null, "core", "pro", "support")
        from start in Day
        from term in TermGen
        from follows in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new Draft(kind, interval, amount, quantity, euro, product, start, term, follows);

    /// <summary>Turns drafts into lines; a draft that follows the previous line starts on the day it ends (upgrade, downgrade, renewal).</summary>
    private static List<RevenueLine> Lines(string customer, IReadOnlyList<Draft> drafts, ref int nextLineNumber)
    {
        var lines = new List<RevenueLine>();
        DateOnly? previousEnd = null;
        foreach (var d in drafts)
        {
            var start = d.FollowsPrevious && previousEnd is { } pe ? pe : d.Start;
            var recurring = d.Kind != LineKind.OneTime;
            DateOnly? end = recurring ? d.Term?.EndFrom(start) : null;
            var id = string.Create(CultureInfo.InvariantCulture, $"L{nextLineNumber++:000}");
            lines.Add(new RevenueLine(
                new LineId(id),
                new CustomerId(customer),
                d.Kind,
                d.Product,
                start,
                end,
                d.Amount,
                d.Quantity,
                d.Euro ? Eur : CurrencyCode.Usd,
                recurring ? d.Interval : null));
            if (recurring)
            {
                previousEnd = end;
            }
        }

        return lines;
    }

    private static Gen<IReadOnlyList<FxRate>> Rates(Profile profile) =>
        from extra in Gen.Choose(0, 4)
        from days in Gen.ArrayOf(Gen.Choose(0, 4 * 365), extra)
        from rates in Gen.ArrayOf(profile.Rate, extra + 1)
        select (IReadOnlyList<FxRate>)
        [
            .. new[] { new DateOnly(2021, 12, 1) }.Concat(days.Distinct().Select(Epoch.AddDays))
                .Zip(rates, (day, rate) => new FxRate(day, Eur, CurrencyCode.Usd, rate)),
        ];

    public static Gen<LedgerCase> Case => CaseOf(Everyday);

    public static Gen<AwkwardLedgerCase> AwkwardCase => CaseOf(Awkward).Select(c => new AwkwardLedgerCase(c));

    private static Gen<LedgerCase> CaseOf(Profile profile) =>
        from customerCount in Gen.Choose(1, 8)
        from segments in Gen.ArrayOf(Gen.Elements(Segments), customerCount)
        from drafts in Gen.ArrayOf(Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(DraftGen(profile), n)), customerCount)
        from rates in Rates(profile)
        from fromOffset in Gen.Choose(0, 36)
        from span in Gen.Choose(0, 20)
        select Build(segments, drafts, rates, Epoch.AddMonths(fromOffset), span);

    private static LedgerCase Build(string[] segments, Draft[][] drafts, IReadOnlyList<FxRate> rates, DateOnly from, int span)
    {
        var customers = new List<Customer>();
        var lines = new List<RevenueLine>();
        var lineNumber = 1;
        for (var c = 0; c < segments.Length; c++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"C{c + 1}");
            customers.Add(new Customer(new CustomerId(id), Segment: segments[c]));
            lines.AddRange(Lines(id, drafts[c], ref lineNumber));
        }

        var first = YearMonth.Of(from);
        return new LedgerCase(customers, lines, rates, first, first.AddMonths(span));
    }

    /// <summary>The same ledger presented differently: every list shuffled, line ids permuted.</summary>
    public static Gen<ShuffledLedgerCase> Shuffled =>
        from original in Case
        from customers in Gen.Shuffle(original.Customers.ToArray())
        from lines in Gen.Shuffle(original.Lines.ToArray())
        from ids in Gen.Shuffle(original.Lines.Select(l => l.Id).ToArray())
        from rates in Gen.Shuffle(original.Rates.ToArray())
        select new ShuffledLedgerCase(
            original,
            original with
            {
                Customers = customers,
                Lines = [.. lines.Zip(ids, (line, id) => line with { Id = id })],
                Rates = rates,
            });
}

/// <summary>The arbitraries the property classes register with FsCheck.</summary>
public static class LedgerArbitraries
{
    public static Arbitrary<LedgerCase> LedgerCase() => LedgerGenerators.Case.ToArbitrary();

    public static Arbitrary<ShuffledLedgerCase> ShuffledLedgerCase() => LedgerGenerators.Shuffled.ToArbitrary();

    public static Arbitrary<AwkwardLedgerCase> AwkwardLedgerCase() => LedgerGenerators.AwkwardCase.ToArbitrary();
}
