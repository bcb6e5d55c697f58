using RunRate.Engine.Economics;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Support;

namespace RunRate.Engine.Tests.Economics;

/// <summary>
/// The worked example of docs/unit-economics.md: five customers and three months of costs, small enough
/// to compute every figure by hand (the hand computation is in the tests and in the document).
/// </summary>
internal static class WorkedExample
{
    public static readonly CurrencyCode Eur = CurrencyCode.Parse("EUR");

    /// <summary>The ledger without costs.</summary>
    public static LedgerBuilder Revenue() => new LedgerBuilder()
        .Customer("A", channel: "inbound")
        .Customer("B", channel: "outbound")
        .Customer("C", channel: "inbound")
        .Customer("D", channel: "outbound")
        .Customer("E")
        .Subscription("A", "2024-12-01", null, 100m)
        .Subscription("B", "2024-12-01", "2025-02-15", 200m)
        .Subscription("C", "2025-01-10", null, 150m)
        .Subscription("D", "2025-02-01", null, 300m)
        .Subscription("E", "2025-03-05", null, 50m)
        .OneTime("E", "2025-03-05", 500m)
        .Rate("2025-01-01", "EUR", "USD", 1.5m);

    /// <summary>costs.csv of the example (cogs in March is 60 EUR = 90 USD at 1.5).</summary>
    public static IReadOnlyList<CostEntry> Costs { get; } =
    [
        Cost("2025-01", CostCategory.Cogs, 150m),
        Cost("2025-01", CostCategory.Sales, 400m, channel: "outbound"),
        Cost("2025-01", CostCategory.Marketing, 200m, channel: "inbound"),
        Cost("2025-01", CostCategory.Marketing, 100m),
        Cost("2025-01", CostCategory.Other, 1000m),
        Cost("2025-02", CostCategory.Cogs, 180m),
        Cost("2025-02", CostCategory.Sales, 600m, channel: "Outbound"),
        Cost("2025-02", CostCategory.Marketing, 100m, channel: "inbound"),
        Cost("2025-03", CostCategory.Cogs, 60m, "EUR"),
        Cost("2025-03", CostCategory.Marketing, 100m, channel: "inbound"),
        Cost("2025-03", CostCategory.Sales, 300m),
    ];

    public static RevenueLedger Ledger(IEnumerable<CostEntry>? costs = null)
    {
        var ledger = Revenue().Build();
        return new RevenueLedger(ledger.Customers, ledger.Lines, ledger.Fx, costs ?? Costs);
    }

    public static RevenueLedger WithoutCosts() => Revenue().Build();

    public static EconomicsReport Report(RevenueLedger ledger, string from = "2025-03", string to = "2025-03", int window = 3) =>
        UnitEconomics.Compute(ledger, new EconomicsRequest(CurrencyCode.Usd, T.Month(from), T.Month(to), window));

    public static CostEntry Cost(string month, CostCategory category, decimal amount, string currency = "USD", string? channel = null) =>
        new(T.Month(month), category, amount, CurrencyCode.Parse(currency), channel);
}
