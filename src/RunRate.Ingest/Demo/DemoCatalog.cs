using RunRate.Engine.Primitives;

namespace RunRate.Ingest.Demo;

/// <summary>Customer segments of the demo business.</summary>
internal enum DemoSegment
{
    Smb,
    MidMarket,
    Enterprise,
}

/// <summary>Plans, cheapest first, so an upgrade is the next value and a downgrade the previous one.</summary>
internal enum DemoPlan
{
    Free,
    Starter,
    Growth,
    Scale,
    Enterprise,
}

/// <summary>A country (ISO 3166 alpha-2), its local billing currency and the share of its customers billed in it (the rest pay USD).</summary>
internal readonly record struct DemoCountry(string Code, CurrencyCode Currency, double LocalShare);

/// <summary>Add-ons: ongoing revenue on top of the plan (kind <c>addon</c>).</summary>
internal enum DemoAddon
{
    Sso,
    PremiumSupport,
    Maintenance,
    ExtraStorage,
}

/// <summary>
/// The demo company's price book and the vocabulary of its customers. Prices are list prices in force at
/// the as-of date; earlier years were about 5 % cheaper per year, so long-standing customers pay less than
/// new ones, as they do in a real ledger.
/// </summary>
internal static class DemoCatalog
{
    public static CurrencyCode Eur { get; } = CurrencyCode.Parse("EUR");

    public static CurrencyCode Gbp { get; } = CurrencyCode.Parse("GBP");

    public static IReadOnlyList<CurrencyCode> Currencies { get; } = [CurrencyCode.Usd, Eur, Gbp];

    /// <summary>Countries by weight, with their billing currency: about seven in ten customers pay in USD.</summary>
    public static (DemoCountry Value, int Weight)[] Countries { get; } =
    [
        (new("US", CurrencyCode.Usd, 1.0), 50), (new("CA", CurrencyCode.Usd, 1.0), 5), (new("AU", CurrencyCode.Usd, 1.0), 4),
        (new("GB", Gbp, 0.9), 12), (new("DE", Eur, 0.85), 8), (new("FR", Eur, 0.85), 6), (new("NL", Eur, 0.85), 4),
        (new("ES", Eur, 0.85), 3), (new("IE", Eur, 0.85), 2), (new("SE", CurrencyCode.Usd, 1.0), 2),
        (new("JP", CurrencyCode.Usd, 1.0), 1), (new("BR", CurrencyCode.Usd, 1.0), 1), (new("IN", CurrencyCode.Usd, 1.0), 1),
        (new("SG", CurrencyCode.Usd, 1.0), 1),
    ];

    public static string[] Owners { get; } = ["Alice Moreno", "Ben Okafor", "Chloé Dubois", "Dev Patel", "Emma Lindqvist", "Farid Haddad"];

    public static string[] Industries { get; } =
    [
        "Software", "Healthcare", "Financial Services", "Retail", "Manufacturing", "Education",
        "Media", "Logistics", "Professional Services", "Nonprofit",
    ];

    public static string[] NamePrefixes { get; } =
    [
        "North", "Blue", "Bright", "Silver", "Red", "Iron", "Green", "Cedar", "Summit", "Harbor",
        "Pioneer", "Atlas", "Nova", "Granite", "Maple", "Orbit", "Lumen", "Vertex", "Quartz", "Falcon",
    ];

    public static string[] NameStems { get; } = ["wind", "peak", "field", "stone", "bridge", "works", "wave", "line", "gate", "path", "forge", "leaf"];

    public static string[] NameTrades { get; } =
    [
        "Analytics", "Labs", "Systems", "Health", "Logistics", "Studio", "Software", "Partners",
        "Foods", "Robotics", "Energy", "Media",
    ];

    public static string Segment(DemoSegment segment) => segment switch
    {
        DemoSegment.Smb => "SMB",
        DemoSegment.MidMarket => "Mid-Market",
        _ => "Enterprise",
    };

    public static string Product(DemoPlan plan) => plan.ToString();

    public static string Product(DemoAddon addon) => addon switch
    {
        DemoAddon.Sso => "SSO",
        DemoAddon.PremiumSupport => "Premium Support",
        DemoAddon.Maintenance => "Maintenance",
        _ => "Extra Storage",
    };

    /// <summary>Whether the plan is priced per seat (Enterprise is a negotiated flat platform fee).</summary>
    public static bool IsPerSeat(DemoPlan plan) => plan is DemoPlan.Starter or DemoPlan.Growth or DemoPlan.Scale;

    /// <summary>List price of one seat for one month, in whole units of <paramref name="currency"/>.</summary>
    public static decimal SeatPrice(DemoPlan plan, CurrencyCode currency, int yearsBeforeAsOf)
    {
        decimal[] prices = plan switch
        {
            DemoPlan.Starter => [15m, 14m, 12m],
            DemoPlan.Growth => [39m, 36m, 31m],
            DemoPlan.Scale => [79m, 72m, 62m],
            _ => [0m, 0m, 0m],
        };
        var price = prices[CurrencyIndex(currency)];
        for (var year = 0; year < yearsBeforeAsOf; year++)
        {
            price /= 1.05m;
        }

        return Math.Max(1m, Math.Round(price, 0, MidpointRounding.AwayFromZero));
    }

    /// <summary>A USD price list amount in <paramref name="currency"/>, rounded to a price-list step.</summary>
    public static decimal Local(decimal usd, CurrencyCode currency, decimal step)
    {
        decimal factor = CurrencyIndex(currency) switch
        {
            0 => 1m,
            1 => 0.92m,
            _ => 0.79m,
        };
        return Math.Max(step, Math.Round(usd * factor / step, 0, MidpointRounding.AwayFromZero) * step);
    }

    /// <summary>
    /// Price multiplier for paying <paramref name="intervalMonths"/> months up front: quarterly 5 % off,
    /// annual "two months free", multi-year deeper discounts.
    /// </summary>
    public static decimal PrepayFactor(int intervalMonths) => intervalMonths switch
    {
        1 => 1m,
        3 => 0.95m,
        12 => 10m / 12m,
        24 => 0.8m,
        _ => 0.75m,
    };

    /// <summary>The net price of one unit for one interval, rounded to cents as an invoice would be.</summary>
    public static decimal IntervalAmount(decimal monthlyUnitPrice, decimal discount, int intervalMonths) =>
        Math.Round(monthlyUnitPrice * (1m - discount) * intervalMonths * PrepayFactor(intervalMonths), 2, MidpointRounding.AwayFromZero);

    /// <summary>Picks a value with probability proportional to its weight.</summary>
    public static T Weighted<T>(Random rng, ReadOnlySpan<(T Value, int Weight)> table)
    {
        var total = 0;
        foreach (var entry in table)
        {
            total += entry.Weight;
        }

        var roll = rng.Next(total);
        foreach (var (value, weight) in table)
        {
            if (roll < weight)
            {
                return value;
            }

            roll -= weight;
        }

        return table[^1].Value;
    }

    /// <summary>Picks one element uniformly.</summary>
    public static T AnyOf<T>(Random rng, IReadOnlyList<T> values) => values[rng.Next(values.Count)];

    private static int CurrencyIndex(CurrencyCode currency) =>
        currency == Eur ? 1 : currency == Gbp ? 2 : 0;
}
