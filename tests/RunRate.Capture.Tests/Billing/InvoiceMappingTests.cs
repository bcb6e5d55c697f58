using RunRate.Engine.Crm;
using RunRate.Engine.Primitives;
using Shouldly;
using static RunRate.Capture.Tests.Billing.StripePayloads;

namespace RunRate.Capture.Tests.Billing;

public sealed class InvoiceMappingTests : IDisposable
{
    private readonly BillingLedger _ledger = new();

    [Fact]
    public void A_paid_invoice_is_a_successful_payment_on_its_paid_day_and_a_failed_one_a_failed_payment_of_the_amount_due()
    {
        var paidAt = Day1.AddDays(-1);

        _ledger.Apply(Event("evt_paid", "invoice.paid", Day1, Invoice("in_1", "cus_9", 15000, 15000, paidAt: paidAt)))
            .Summary.ShouldBe("created customer cus_9 (Acme Inc); recorded payment of 150.00 USD for invoice in_1 by cus_9 on 2026-01-14");
        _ledger.Apply(Event("evt_failed", "invoice.payment_failed", Day1, Invoice("in_2", "cus_9", 4200, 0, currency: "jpy")))
            .Summary.ShouldBe("recorded failed payment of 4200 JPY for invoice in_2 by cus_9 on 2026-01-15");

        _ledger.Store.Crm.Load().Payments.OrderBy(p => p.Reference, StringComparer.Ordinal).ShouldBe([
            new Payment(new CustomerId("cus_9"), new DateOnly(2026, 1, 14), true, new Money(150.00m, CurrencyCode.Usd), "in_1"),
            new Payment(new CustomerId("cus_9"), new DateOnly(2026, 1, 15), false, new Money(4200m, CurrencyCode.Parse("JPY")), "in_2"),
        ]);
    }

    [Fact]
    public void The_subscription_metadata_copied_on_the_invoice_names_the_ledger_customer()
    {
        _ledger.Apply(Event("evt_paid", "invoice.paid", Day1, Invoice("in_1", "cus_9", 5000, 5000, paidAt: Day1, subscriptionMetadata: """{"runrate_customer_id":"C042"}""")));

        _ledger.Store.Crm.Load().Payments.ShouldHaveSingleItem().AccountId.ShouldBe(new CustomerId("C042"));
    }

    public void Dispose() => _ledger.Dispose();
}
