using RunRate.Capture.Billing;
using RunRate.Engine.Ledger;
using RunRate.Storage.Sqlite;

namespace RunRate.Capture.Tests.Billing;

/// <summary>A real SQLite store in a temporary folder that Stripe events are applied to.</summary>
internal sealed class BillingLedger : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("runrate-billing-");

    public BillingLedger()
    {
        Store = SqliteLedgerStore.Open(Path.Combine(_folder.FullName, "runrate.db"), create: true);
    }

    public SqliteLedgerStore Store { get; }

    public StripeWebhookResult Apply(string json) => StripeWebhook.Process(StripePayloads.Bytes(json), Store.Crm, StripePayloads.Day1);

    /// <summary>Every line as <c>id customer kind product start end amount×quantity currency /interval</c>, sorted, for exact comparisons.</summary>
    public string[] Lines() => [.. Store.Load().Lines
        .Select(Describe)
        .Order(StringComparer.Ordinal)];

    public static string Describe(RevenueLine l) =>
        FormattableString.Invariant($"{l.Id} {l.CustomerId} {l.Kind.ToLedgerText()} {l.Product} {l.Start:yyyy-MM-dd}..{l.End:yyyy-MM-dd} {l.Amount}×{l.Quantity} {l.Currency} /{l.IntervalMonths}");

    public void Dispose()
    {
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
