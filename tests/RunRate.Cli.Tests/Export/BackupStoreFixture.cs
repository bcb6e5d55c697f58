using RunRate.Cli.Tests.Support;
using RunRate.Engine.Crm;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Storage;
using Shouldly;

namespace RunRate.Cli.Tests.Export;

/// <summary>
/// A demo store (ledger and CRM from <c>runrate quickstart</c>) with everything else a store can hold added on top:
/// saved scenarios, lines created from a won deal, a billing event with its payment and activity, and an activity
/// whose text needs RFC 4180 quoting. Exported once to <see cref="Export"/>.
/// </summary>
public sealed class BackupStoreFixture : IDisposable
{
    public BackupStoreFixture()
    {
        Cli.Run("quickstart", "--customers", "120").ExitCode.ShouldBe(0);
        Cli.Run("scenario", "save", "Bear case", "--churn-points", "0.75", "--new-percent", "-20").ExitCode.ShouldBe(0);
        Cli.Run("scenario", "save", "Price rise", "--price-percent", "7.50", "--price-from", "2026-04").ExitCode.ShouldBe(0);
        using (var store = StoreFactory.Open(Cli.Db, create: false))
        {
            var crm = store.Crm.Load();
            var won = crm.Deals.First(d => d.Stage == "won" && store.Crm.DealLines(d.Id).Count == 0);
            var line = new RevenueLine(new LineId("deal-line-1"), won.AccountId, LineKind.Addon, "Premium support", new DateOnly(2026, 1, 1), null, 99.125m, 3m, CurrencyCode.Usd, 1);
            store.Crm.AddDealLines(won.Id, [line]).ShouldBe(WriteOutcome.Done);
            Account = won.AccountId.Value;
            var at = new DateTimeOffset(2026, 1, 10, 8, 0, 0, TimeSpan.Zero);
            store.Crm.ApplyBillingEvent("evt_backup_1", "invoice.payment_failed", at, writer =>
            {
                writer.Record("evt_backup_1", new Payment(won.AccountId, new DateOnly(2026, 1, 10), false, new Money(297.375m, CurrencyCode.Usd), "in_backup_1"));
                writer.Log(new Activity(new ActivityId("ac_billing_1"), ActivityKind.Note, at, "Payment failed", "Card declined", won.AccountId, null, null, "billing", "evt_backup_1"));
                return "payment of 297.38 USD failed";
            }).Applied.ShouldBeTrue();
            store.Crm.SaveActivity(
                new Activity(new ActivityId("ac_quoted"), ActivityKind.Email, at.AddMinutes(5), "Re: \"renewal\", pricing", "Hi,\r\n\"quoted\" text, commas\nand lines\n", won.AccountId, null, won.Id, "email", "<quoted@example.com>"),
                WriteMode.Create).ShouldBe(WriteOutcome.Done);
        }

        var export = Cli.Run("export", Export);
        export.ExitCode.ShouldBe(0, export.Errors);
    }

    internal CliHarness Cli { get; } = new();

    /// <summary>The account of the won deal that got lines, a payment and the quoted activity.</summary>
    public string Account { get; }

    public string Export => Path.Combine(Cli.Folder, "export");

    public void Dispose() => Cli.Dispose();
}
