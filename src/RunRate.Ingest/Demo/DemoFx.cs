using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using static RunRate.Ingest.Demo.DemoCatalog;

namespace RunRate.Ingest.Demo;

/// <summary>
/// Monthly exchange rates for every ordered pair of USD, EUR and GBP. The engine deliberately never
/// derives inverse or cross rates, so all six pairs are written out, which lets a report run in any of
/// the three currencies. Two base rates follow a mean-reverting random walk of about 2 % a month; the
/// other four are derived from them and rounded to 6 decimals, as a rate feed would publish them.
/// </summary>
internal static class DemoFx
{
    public static IReadOnlyList<FxRate> Generate(int seed, DemoCalendar calendar)
    {
        var rng = new Random(DemoIds.Seed(seed, 0, DemoIds.FxStream));

        // From the month before the first possible line to well after the last one.
        var first = new DateOnly(calendar.WindowStart.Year, calendar.WindowStart.Month, 1).AddMonths(-1);
        var last = new DateOnly(calendar.LatestStart.Year, calendar.LatestStart.Month, 1).AddMonths(2);
        var eurUsd = 1.10 + ((rng.NextDouble() - 0.5) * 0.08);
        var gbpUsd = 1.27 + ((rng.NextDouble() - 0.5) * 0.08);
        var rates = new List<FxRate>();
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            var eur = Math.Round((decimal)eurUsd, 4, MidpointRounding.AwayFromZero);
            var gbp = Math.Round((decimal)gbpUsd, 4, MidpointRounding.AwayFromZero);
            rates.Add(new FxRate(month, Eur, CurrencyCode.Usd, eur));
            rates.Add(new FxRate(month, CurrencyCode.Usd, Eur, Round6(1m / eur)));
            rates.Add(new FxRate(month, Gbp, CurrencyCode.Usd, gbp));
            rates.Add(new FxRate(month, CurrencyCode.Usd, Gbp, Round6(1m / gbp)));
            rates.Add(new FxRate(month, Eur, Gbp, Round6(eur / gbp)));
            rates.Add(new FxRate(month, Gbp, Eur, Round6(gbp / eur)));
            eurUsd = Step(rng, eurUsd, 1.10, 0.95, 1.25);
            gbpUsd = Step(rng, gbpUsd, 1.27, 1.10, 1.45);
        }

        return rates;
    }

    private static decimal Round6(decimal rate) => Math.Round(rate, 6, MidpointRounding.AwayFromZero);

    /// <summary>
    /// One month of drift: an approximately normal shock (sum of twelve uniforms, so no platform-dependent
    /// Math.Log) pulled back towards the long-run mean and kept within a plausible band.
    /// </summary>
    private static double Step(Random rng, double rate, double mean, double min, double max)
    {
        var shock = -6.0;
        for (var i = 0; i < 12; i++)
        {
            shock += rng.NextDouble();
        }

        var next = (rate * (1.0 + (0.02 * shock))) + (0.1 * (mean - rate));
        return Math.Clamp(next, min, max);
    }
}
