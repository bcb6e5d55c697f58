using System.Globalization;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Tests.Forecast;

/// <summary>
/// The contract's sample ledgers (../shared/samples beside the repository, else tests/samples) read
/// straight into a snapshot. The samples are plain CSV (no quoting), which this reader checks rather
/// than assumes; validation is the importer's job and is tested there.
/// </summary>
internal static class SampleLedgers
{
    public static RevenueLedger Load(string name)
    {
        var folder = RunRate.Cli.Tests.Support.Samples.Folder(name);
        var customers = Rows(Path.Combine(folder, "customers.csv")).Select(r => new Customer(
            new CustomerId(r["customer_id"]), r.GetValueOrDefault("name"), Opt(r, "country"), Opt(r, "segment"), Opt(r, "channel"), Opt(r, "owner")));
        var lines = Rows(Path.Combine(folder, "lines.csv")).Select(r =>
        {
            LineKinds.TryParse(r["kind"], out var kind).ShouldBeTrueOrThrow(r["line_id"]);
            return new RevenueLine(
                new LineId(r["line_id"]),
                new CustomerId(r["customer_id"]),
                kind,
                Opt(r, "product"),
                Day(r["start_date"]),
                Opt(r, "end_date") is { } end ? Day(end) : null,
                decimal.Parse(r["amount"], CultureInfo.InvariantCulture),
                Opt(r, "quantity") is { } q ? decimal.Parse(q, CultureInfo.InvariantCulture) : 1m,
                CurrencyCode.Parse(r["currency"]),
                Opt(r, "interval_months") is { } i ? int.Parse(i, CultureInfo.InvariantCulture) : null);
        });
        var fxPath = Path.Combine(folder, "fx.csv");
        var rates = File.Exists(fxPath)
            ? Rows(fxPath).Select(r => new FxRate(Day(r["date"]), CurrencyCode.Parse(r["from"]), CurrencyCode.Parse(r["to"]), decimal.Parse(r["rate"], CultureInfo.InvariantCulture)))
            : [];
        return new RevenueLedger(customers, lines, new FxTable(rates));
    }

    private static void ShouldBeTrueOrThrow(this bool ok, string what)
    {
        if (!ok)
        {
            throw new InvalidDataException($"sample line {what}: unknown kind");
        }
    }

    private static string? Opt(Dictionary<string, string> row, string column) =>
        row.TryGetValue(column, out var value) && value.Length > 0 ? value : null;

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IEnumerable<Dictionary<string, string>> Rows(string path)
    {
        var text = File.ReadAllLines(path);
        if (text.Any(l => l.Contains('"', StringComparison.Ordinal)))
        {
            throw new InvalidDataException($"{path} uses CSV quoting, which this test reader does not handle.");
        }

        var header = text[0].TrimStart('\uFEFF').Split(',').Select(h => h.Trim().ToLowerInvariant()).ToArray();
        foreach (var line in text.Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split(',');
            yield return header.Select((h, i) => (h, v: i < cells.Length ? cells[i].Trim() : "")).ToDictionary(p => p.h, p => p.v, StringComparer.Ordinal);
        }
    }
}
