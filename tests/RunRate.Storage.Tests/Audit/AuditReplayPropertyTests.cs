using System.Globalization;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Storage.Audit;
using RunRate.Storage.Tests.Support;

namespace RunRate.Storage.Tests.Audit;

public sealed class AuditReplayPropertyTests
{
    /// <summary>One customer or line write, with small id spaces so that creates, replaces and deletes collide often.</summary>
    private sealed record Op(int Kind, int Customer, int Line, int Cents, int Day);

    private static Gen<Op[]> Ops() =>
        Gen.Choose(1, 40).SelectMany(count => Gen.ArrayOf(
            from kind in Gen.Choose(0, 6)
            from customer in Gen.Choose(0, 3)
            from line in Gen.Choose(0, 5)
            from cents in Gen.Choose(0, 100_000)
            from day in Gen.Choose(0, 400)
            select new Op(kind, customer, line, cents, day), count));

    [Property(MaxTest = 30)]
    public Property Every_done_write_has_one_entry_and_replaying_the_afters_rebuilds_customers_and_lines() =>
        Prop.ForAll(Ops().ToArbitrary(), ops =>
        {
            using var temp = new AuditedStore(new SqliteEngine());
            var done = 0;
            using (var store = temp.Open())
            {
                foreach (var op in ops)
                {
                    done += Apply(store, op) == WriteOutcome.Done ? 1 : 0;
                }
            }

            using var reopened = temp.Open(null);
            var entries = reopened.Audit.List(new AuditQuery(Limit: 10_000)).Reverse().ToList();
            Assert.Equal(done, entries.Count);

            var customers = new Dictionary<string, Customer>(StringComparer.Ordinal);
            var lines = new Dictionary<string, RevenueLine>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                Replay(entry, customers, lines);
            }

            var ledger = reopened.Load();
            Assert.Equal(ledger.Customers.Select(c => c.Id.Value).Order(StringComparer.Ordinal), customers.Keys.Order(StringComparer.Ordinal));
            foreach (var stored in ledger.Customers)
            {
                Assert.Equal(stored, customers[stored.Id.Value] with { Attributes = stored.Attributes });
            }

            Assert.Equal(ledger.Lines.OrderBy(l => l.Id.Value, StringComparer.Ordinal), lines.Values.OrderBy(l => l.Id.Value, StringComparer.Ordinal));
        });

    private static WriteOutcome Apply(ILedgerStore store, Op op)
    {
        var customer = new CustomerId("C" + op.Customer.ToString(CultureInfo.InvariantCulture));
        var line = new LineId("L" + op.Line.ToString(CultureInfo.InvariantCulture));
        var start = new DateOnly(2025, 1, 1).AddDays(op.Day);
        return op.Kind switch
        {
            0 => store.SaveCustomer(new Customer(customer, "N" + op.Cents.ToString(CultureInfo.InvariantCulture)), WriteMode.Create),
            1 => store.SaveCustomer(new Customer(customer, "N" + op.Cents.ToString(CultureInfo.InvariantCulture), Segment: op.Day % 2 == 0 ? "SMB" : null), WriteMode.Replace),
            2 => store.DeleteCustomer(customer),
            3 or 4 => store.SaveLine(
                new RevenueLine(line, customer, LineKind.Subscription, op.Day % 3 == 0 ? null : "Pro", start, null, op.Cents / 100m, 1 + (op.Day % 4), CurrencyCode.Usd, 1),
                op.Kind == 3 ? WriteMode.Create : WriteMode.Replace),
            5 => store.DeleteLine(line),
            _ => store.EndLine(line, start),
        };
    }

    private static void Replay(AuditEntry entry, Dictionary<string, Customer> customers, Dictionary<string, RevenueLine> lines)
    {
        var id = entry.EntityId!;
        switch (entry.Entity)
        {
            case "customer" when entry.After is null: customers.Remove(id); break;
            case "customer": customers[id] = ReadCustomer(entry.After); break;
            case "line" when entry.After is null: lines.Remove(id); break;
            case "line": lines[id] = ReadLine(entry.After); break;
            default: throw new InvalidOperationException("unexpected entry " + entry.Action);
        }
    }

    private static Customer ReadCustomer(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new Customer(new CustomerId(root.GetProperty("customer_id").GetString()!), Text(root, "name"), Text(root, "country"), Text(root, "segment"), Text(root, "channel"), Text(root, "owner"));
    }

    private static RevenueLine ReadLine(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new RevenueLine(
            new LineId(root.GetProperty("line_id").GetString()!),
            new CustomerId(root.GetProperty("customer_id").GetString()!),
            LineKinds.TryParse(Text(root, "kind"), out var kind) ? kind : throw new InvalidOperationException("kind"),
            Text(root, "product"),
            DateOnly.Parse(Text(root, "start")!, CultureInfo.InvariantCulture),
            Text(root, "end") is { } end ? DateOnly.Parse(end, CultureInfo.InvariantCulture) : null,
            root.GetProperty("amount").GetDecimal(),
            root.GetProperty("quantity").GetDecimal(),
            CurrencyCode.Parse(Text(root, "currency")!),
            root.TryGetProperty("interval_months", out var months) ? months.GetInt32() : null);
    }

    private static string? Text(JsonElement root, string name) => root.TryGetProperty(name, out var value) ? value.GetString() : null;
}
