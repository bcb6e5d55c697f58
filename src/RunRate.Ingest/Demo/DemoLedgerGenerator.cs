using RunRate.Engine.Ledger;

namespace RunRate.Ingest.Demo;

/// <summary>
/// Generates a realistic, fully deterministic SaaS ledger for demos, tests and benchmarks: five years of
/// a growing business with Starter/Growth/Scale/Enterprise plans, monthly to three-year billing, seat
/// changes, upgrades and downgrades, add-ons, one-time fees, free plans, cancellations, win-backs and
/// renewals, in USD, EUR and GBP. It never reads the clock and never uses a time-seeded random source:
/// the same <see cref="DemoOptions"/> always give the same ledger, byte for byte, on any machine.
/// </summary>
public static class DemoLedgerGenerator
{
    /// <summary>
    /// Generates the customers and exchange rates now and returns a ledger whose lines are generated
    /// lazily, each customer's from its own seed (derived from <see cref="DemoOptions.Seed"/> and the
    /// customer's index), so generation cost and memory do not grow with the number of lines.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one customer, or an as-of date without room for five years of history.</exception>
    public static DemoLedger Generate(DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Customers, 1, nameof(options));
        var calendar = new DemoCalendar(options.EffectiveAsOf);
        var customers = new Customer[options.Customers];
        for (var i = 0; i < customers.Length; i++)
        {
            customers[i] = DemoCustomers.Create(options.Seed, i, options.Customers, calendar).Customer;
        }

        return new DemoLedger(options, calendar, customers, DemoFx.Generate(options.Seed, calendar));
    }

    internal static IEnumerable<RevenueLine> GenerateLines(DemoOptions options, DemoCalendar calendar)
    {
        var width = DemoIds.LineWidth(options.Customers);
        long number = 0;
        for (var i = 0; i < options.Customers; i++)
        {
            var profile = DemoCustomers.Create(options.Seed, i, options.Customers, calendar);
            var rng = new Random(DemoIds.Seed(options.Seed, i, DemoIds.LineStream));
            var drafts = DemoAccount.Simulate(profile, calendar, rng);

            // Ids follow start dates within a customer; OrderBy is stable, so ties keep creation order.
            foreach (var draft in drafts.OrderBy(d => d.Start))
            {
                yield return new RevenueLine(
                    DemoIds.Line(++number, width),
                    profile.Customer.Id,
                    draft.Kind,
                    draft.Product,
                    draft.Start,
                    draft.End,
                    draft.Amount,
                    draft.Quantity,
                    profile.Currency,
                    draft.Interval);
            }
        }
    }
}
