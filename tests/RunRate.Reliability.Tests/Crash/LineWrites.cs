using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Storage;

namespace RunRate.Reliability.Tests.Crash;

/// <summary>One write of the API stream: what it sends, what it changes, and its audit action.</summary>
internal sealed record LineWrite(string Action, LineId Id, RevenueLine? Before, RevenueLine? After)
{
    public override string ToString() => $"{Action} {Id.Value}";

    /// <summary>Sends the write through the API.</summary>
    public async Task<HttpResponseMessage> Send(HttpClient client) => Action switch
    {
        "line.create" => await client.PostAsJsonAsync("/api/lines", Body(After!)),
        "line.update" => await client.PutAsJsonAsync($"/api/lines/{Id.Value}", Body(After!)),
        "line.end" => await client.PostAsJsonAsync($"/api/lines/{Id.Value}/end", new JsonObject { ["end_date"] = Date(After!.End!.Value) }),
        "line.delete" => await client.DeleteAsync(new Uri($"/api/lines/{Id.Value}", UriKind.Relative)),
        _ => throw new InvalidOperationException(Action),
    };

    /// <summary>The same write through the storage API, for the reference store.</summary>
    public WriteOutcome Apply(ILedgerStore store) => Action switch
    {
        "line.create" => store.SaveLine(After!, WriteMode.Create),
        "line.update" => store.SaveLine(After!, WriteMode.Replace),
        "line.end" => store.EndLine(Id, After!.End!.Value),
        "line.delete" => store.DeleteLine(Id),
        _ => throw new InvalidOperationException(Action),
    };

    private static JsonObject Body(RevenueLine line) => new()
    {
        ["line_id"] = line.Id.Value,
        ["customer_id"] = line.CustomerId.Value,
        ["kind"] = line.Kind.ToLedgerText(),
        ["product"] = line.Product,
        ["start_date"] = Date(line.Start),
        ["end_date"] = line.End is { } end ? Date(end) : null,
        ["amount"] = line.Amount,
        ["quantity"] = line.Quantity,
        ["currency"] = line.Currency.Value,
        ["interval_months"] = line.IntervalMonths,
    };

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// A seeded stream of line writes against the lines the stream itself created (so the expected state of every touched
/// line is known exactly): creates, amendments, ends and deletes, each valid given the writes before it.
/// </summary>
internal sealed class LineWriteStream(Random random, IReadOnlyList<CustomerId> customers)
{
    private readonly Dictionary<LineId, RevenueLine> _alive = [];
    private int _created;

    /// <summary>The expected stored line of every id the stream touched (null: never created or deleted).</summary>
    public IReadOnlyDictionary<LineId, RevenueLine> Alive => _alive;

    /// <summary>Every id the stream ever created.</summary>
    public List<LineId> Touched { get; } = [];

    public LineWrite Next()
    {
        var roll = random.Next(100);
        if (_alive.Count < 5 || roll < 40)
        {
            var id = new LineId(string.Create(CultureInfo.InvariantCulture, $"crash-{_created++:D5}"));
            var kind = random.Next(4) == 0 ? LineKind.Addon : LineKind.Subscription;
            var start = new DateOnly(2025, 1, 1).AddMonths(random.Next(18));
            var line = new RevenueLine(id, customers[random.Next(customers.Count)], kind, "Crash " + random.Next(5).ToString(CultureInfo.InvariantCulture), start, null, Money(), random.Next(1, 6), CurrencyCode.Usd, random.Next(3) == 0 ? 12 : 1);
            return new LineWrite("line.create", id, null, line);
        }

        var existing = _alive.Values.ElementAt(random.Next(_alive.Count));
        if (roll < 70)
        {
            var amount = Money();
            while (amount == existing.Amount)
            {
                amount = Money(); // an amendment must change something, or a lost one could not be told from a kept one
            }

            return new LineWrite("line.update", existing.Id, existing, existing with { Amount = amount, Quantity = random.Next(1, 6) });
        }

        if (roll < 85 && existing.End is null)
        {
            return new LineWrite("line.end", existing.Id, existing, existing with { End = existing.Start.AddMonths(random.Next(1, 12)) });
        }

        return new LineWrite("line.delete", existing.Id, existing, null);
    }

    /// <summary>Takes a write as stored (acknowledged, or found in the store after the crash).</summary>
    public void Survived(LineWrite write)
    {
        if (write.Action == "line.create")
        {
            Touched.Add(write.Id);
        }

        if (write.After is { } after)
        {
            _alive[write.Id] = after;
        }
        else
        {
            _alive.Remove(write.Id);
        }
    }

    /// <summary>Amounts in cents, 10.00 to 999.99.</summary>
    private decimal Money() => random.Next(1_000, 100_000) / 100m;
}
