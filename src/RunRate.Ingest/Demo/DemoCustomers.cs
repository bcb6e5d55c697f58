using System.Collections.Immutable;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using static RunRate.Ingest.Demo.DemoCatalog;

namespace RunRate.Ingest.Demo;

/// <summary>A demo customer and the facts its revenue lines are simulated from.</summary>
internal sealed record DemoProfile(Customer Customer, DemoSegment Segment, CurrencyCode Currency, DateOnly Signup);

/// <summary>
/// Creates demo customers. Each customer depends only on the seed, its index and the customer count, so
/// the line generator can recreate the profile of customer <c>i</c> without holding anything else.
/// </summary>
internal static class DemoCustomers
{
    /// <summary>The name of the one custom attribute column of the demo ledger.</summary>
    public const string IndustryAttribute = "industry";

    private static readonly ImmutableSortedDictionary<string, string> NoAttributes =
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    public static DemoProfile Create(int seed, int index, int count, DemoCalendar calendar)
    {
        var rng = new Random(DemoIds.Seed(seed, index, DemoIds.CustomerStream));

        // Position within the customer's own slot keeps sign-up dates in id order.
        var signup = calendar.SignupAt((index + rng.NextDouble()) / count);
        var segment = Weighted<DemoSegment>(rng, [(DemoSegment.Smb, 62), (DemoSegment.MidMarket, 26), (DemoSegment.Enterprise, 12)]);
        var country = Weighted<DemoCountry>(rng, Countries);
        var currency = rng.NextDouble() < country.LocalShare ? country.Currency : CurrencyCode.Usd;
        var channel = segment switch
        {
            DemoSegment.Smb => Weighted<string>(rng, [("self-serve", 50), ("inbound", 35), ("partner", 10), ("outbound", 5)]),
            DemoSegment.MidMarket => Weighted<string>(rng, [("inbound", 40), ("outbound", 35), ("partner", 20), ("self-serve", 5)]),
            _ => Weighted<string>(rng, [("outbound", 60), ("partner", 25), ("inbound", 15)]),
        };

        // Self-serve customers never talked to sales, so they have no owner (an empty field, as in real CRMs).
        var owner = channel == "self-serve" ? null : AnyOf(rng, Owners);
        var customer = new Customer(
            DemoIds.Customer(index, DemoIds.CustomerWidth(count)),
            CompanyName(rng, country.Code),
            country.Code,
            DemoCatalog.Segment(segment),
            channel,
            owner)
        {
            Attributes = NoAttributes.Add(IndustryAttribute, AnyOf(rng, Industries)),
        };
        return new DemoProfile(customer, segment, currency, signup);
    }

    private static string CompanyName(Random rng, string country)
    {
        var prefix = AnyOf(rng, NamePrefixes);
        var stem = AnyOf(rng, NameStems);
        var trade = AnyOf(rng, NameTrades);
        var legal = country switch
        {
            // ", Inc." puts commas in real-world names, which the CSV writer has to quote.
            "US" => Weighted<string>(rng, [(", Inc.", 4), (" LLC", 2), ("", 4)]),
            "GB" => " Ltd",
            "DE" => " GmbH",
            "FR" => " SAS",
            "NL" => " B.V.",
            _ => "",
        };
        return string.Concat(prefix, stem, " ", trade, legal);
    }
}
