using System.Collections.Immutable;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RunRate.Engine.Crm;
using RunRate.Engine.Forecast;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Backup;

namespace RunRate.Ingest.Tests.Backup;

/// <summary>Random CRM data, with the awkward text a CSV writer must survive, comes back from the CRM files exactly.</summary>
public sealed class CrmCsvRoundTripProperties
{
    private static readonly string[] Customers = ["C0", "C1", "C2", "C3"];

    /// <summary>Letters, spaces at either end, commas, quotes, CR, LF, tabs and non-ASCII: what RFC 4180 quoting must carry.</summary>
    private static readonly Gen<string> Text =
        Gen.Elements('a', 'Z', ' ', ',', '"', '\n', '\r', '\t', 'é', '€', '0', ';', '\'').ArrayOf().Select(chars => new string(chars));

    private static readonly Gen<string> Required = Text.Select(t => "x" + t);

    private static readonly Gen<string?> Optional = Gen.OneOf(Gen.Constant<string?>(null), Required.Select(t => (string?)t));

    /// <summary>Decimals with their scale (1.50 stays 1.50), as money is stored.</summary>
    private static readonly Gen<decimal> Amount =
        from units in Gen.Choose(0, int.MaxValue)
        from scale in Gen.Choose(0, 9)
        select new decimal(units, 0, 0, false, (byte)scale);

    private static readonly Gen<DateOnly> Day = Gen.Choose(0, 5000).Select(d => new DateOnly(2015, 1, 1).AddDays(d));

    private static readonly Gen<DateTimeOffset> Instant =
        Gen.Choose(0, int.MaxValue).Select(s => new DateTimeOffset(2015, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(s / 7.0).AddTicks(s % 10_000_000));

    private static readonly Gen<string> Account = Gen.Elements(Customers);

    private static readonly Gen<CurrencyCode> Currency = Gen.Elements(CurrencyCode.Usd, CurrencyCode.Parse("EUR"), CurrencyCode.Parse("JPY"));

    [Property(MaxTest = 60)]
    public Property Crm_files_round_trip_every_record_exactly() =>
        Prop.ForAll(Backups().ToArbitrary(), backup =>
        {
            var errors = new LedgerErrors();
            var read = CrmFiles.Read(CrmFiles.Write(backup), Customers, errors);
            Assert.Empty(errors.Items);
            Assert.Equal(JsonSerializer.Serialize(backup), JsonSerializer.Serialize(read));
        });

    private static Gen<CrmBackup> Backups() =>
        from contacts in Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(ContactGen(), n))
        from deals in Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(DealGen(), n))
        from activities in Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(ActivityGen(), n))
        from targets in Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(TargetGen(), n))
        from scenarios in Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(ScenarioGen(), n))
        from payments in Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(PaymentGen(), n))
        from events in Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(EventGen(), n))
        from domains in Gen.Choose(0, 3)
        from stageName in Required
        let pipeline = new Pipeline(Pipeline.Default.Stages.Select((s, i) => i == 0 ? s with { Name = stageName } : s))
        let uniqueDeals = deals.Select((d, i) => d with { Id = new DealId($"d{i}") }).ToImmutableArray()
        let accounts = Customers.Take(domains).Select((c, i) => new AccountProfile(new(c), [$"c{i}.example", $"mail.c{i}.example"])).ToImmutableArray()
        select new CrmBackup(
            new CrmData(
                pipeline,
                accounts,
                [.. contacts.Select((c, i) => c with { Id = new ContactId($"ct{i}"), Email = c.Email is null ? null : $"p{i}@c.example" })],
                uniqueDeals,
                [.. activities.Select((a, i) => a with { Id = new ActivityId($"a{i}"), ExternalId = a.ExternalId is null ? null : $"<m{i}@x>" })],
                [.. targets.Select((t, i) => t with { Owner = t.Owner + i })],
                []),
            [.. uniqueDeals.Take(2).Select((d, i) => new DealLineLink(d.Id, new($"L{i}")))],
            [.. payments.Select((p, i) => p with { Key = $"evt_{i}" })],
            [.. events.Select((e, i) => e with { EventId = $"evt_{i}" })],
            [.. scenarios.Select((s, i) => s with { Name = $"Case {i}" })]);

    private static Gen<Contact> ContactGen() =>
        from account in Account
        from name in Required
        from email in Optional
        from phone in Optional
        from role in Optional
        select new Contact(new("?"), new(account), name, email, phone, role);

    private static Gen<Deal> DealGen() =>
        from account in Account
        from title in Required
        from stage in Gen.Elements(Pipeline.Default.Stages.Select(s => s.Key).ToArray())
        from arr in Amount
        from currency in Currency
        from kind in Gen.Elements(DealKind.NewBusiness, DealKind.Expansion, DealKind.CrossSell, DealKind.Renewal)
        from close in Day
        from owner in Optional
        from channel in Optional
        from lost in Optional
        from created in Day
        from history in Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Gen.Elements("lead", "qualified", "won").SelectMany(s => Day.Select(d => new StageChange(s, d))), n))
        select new Deal(new("?"), new(account), title, stage, arr, currency, kind, close, owner, channel, lost, created, [.. history]);

    private static Gen<Activity> ActivityGen() =>
        from kind in Gen.Elements(ActivityKind.Email, ActivityKind.Call, ActivityKind.Meeting, ActivityKind.Note)
        from at in Instant
        from subject in Text
        from body in Optional
        from account in Account
        from contact in Gen.Elements<string?>(null, "ct0", "gone")
        from deal in Gen.Elements<string?>(null, "d0")
        from source in Gen.Elements("manual", "email", "calendar", "billing")
        from external in Gen.Elements<string?>(null, "x")
        select new Activity(new("?"), kind, at, subject, body, new(account), contact is null ? null : new ContactId(contact), deal is null ? null : new DealId(deal), source, external);

    private static Gen<SalesTarget> TargetGen() =>
        from owner in Required
        from month in Gen.Choose(0, 40)
        from quarter in Gen.Elements(true, false)
        from arr in Amount
        from currency in Currency
        let start = new YearMonth(2024, 1).AddMonths(quarter ? month / 3 * 3 : month)
        select new SalesTarget(owner, start, quarter ? 3 : 1, arr, currency);

    private static Gen<Scenario> ScenarioGen() =>
        from churn in Gen.OneOf(Gen.Constant<decimal?>(null), Gen.Choose(-10_000, 10_000).Select(c => (decimal?)(c / 100m)))
        from growth in Gen.OneOf(Gen.Constant<decimal?>(null), Gen.Choose(-10_000, 100_000).Select(c => (decimal?)new decimal(Math.Abs(c), 0, 0, c < 0, 2)))
        from price in Gen.Elements<decimal?>(null, 5m, 2.50m)
        from priceFrom in Gen.Elements<YearMonth?>(null, new YearMonth(2027, 3))
        select new Scenario("?", new ScenarioRules { ChurnPoints = churn, NewPercent = growth, ExpansionPercent = growth, PricePercent = price, PriceFrom = price is null ? null : priceFrom, PipelinePercent = churn });

    private static Gen<KeyedPayment> PaymentGen() =>
        from account in Account
        from day in Day
        from succeeded in Gen.Elements(true, false)
        from amount in Gen.OneOf(Gen.Constant<Money?>(null), Amount.SelectMany(a => Currency.Select(c => (Money?)new Money(a, c))))
        from reference in Text
        select new KeyedPayment("?", new Payment(new(account), day, succeeded, amount, reference));

    private static Gen<ProcessedWebhookEvent> EventGen() =>
        from type in Gen.Elements("invoice.paid", "customer.subscription.updated")
        from at in Instant
        from summary in Text
        select new ProcessedWebhookEvent("?", type, at, summary);
}
