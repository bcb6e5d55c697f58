using RunRate.Engine.Economics;
using RunRate.Engine.Ledger;

namespace RunRate.Storage.Sqlite;

/// <summary>
/// How each ledger table is written: its columns, its key and one entity's values, in one place
/// for both the batched import and the single-row API writes, so the two can never disagree.
/// </summary>
internal sealed record SqliteTable(string Name, string Key, string[] Columns)
{
    public static readonly SqliteTable Customers = new("customers", "customer_id", ["customer_id", "name", "country", "segment", "channel", "owner", "attributes"]);

    public static readonly SqliteTable Lines = new("lines", "line_id", ["line_id", "customer_id", "kind", "product", "start_date", "end_date", "amount", "quantity", "currency", "interval_months"]);

    public static readonly SqliteTable Fx = new("fx_rates", "date, from_currency, to_currency", ["date", "from_currency", "to_currency", "rate"]);

    /// <summary>The ON CONFLICT clause that makes an insert an upsert by key.</summary>
    public string Conflict =>
        $"ON CONFLICT({Key}) DO UPDATE SET " + string.Join(", ", Columns.Where(c => !Key.Split(", ").Contains(c)).Select(c => $"{c} = excluded.{c}"));

    /// <summary>A single-row upsert with parameters <c>$p0</c>…</summary>
    public string UpsertSql =>
        $"INSERT INTO {Name} ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"$p{i}"))}) {Conflict}";

    public static object?[] Values(Customer customer) =>
        [customer.Id.Value, customer.Name, customer.Country, customer.Segment, customer.Channel, customer.Owner, SqliteRows.Attributes(customer)];

    public static object?[] Values(RevenueLine line) =>
    [
        line.Id.Value,
        line.CustomerId.Value,
        line.Kind.ToLedgerText(),
        line.Product,
        SqliteRows.Date(line.Start),
        line.End is { } end ? SqliteRows.Date(end) : null,
        SqliteRows.Decimal(line.Amount),
        SqliteRows.Decimal(line.Quantity),
        line.Currency.Value,
        line.IntervalMonths,
    ];

    /// <summary>The columns of a cost row (its id is SQLite's rowid: costs have no natural key).</summary>
    public static readonly string[] CostColumns = ["month", "category", "amount", "currency", "channel", "description"];

    /// <summary>Inserts one cost with parameters <c>$p0</c>…</summary>
    public static string CostInsertSql =>
        $"INSERT INTO costs ({string.Join(", ", CostColumns)}) VALUES ({string.Join(", ", CostColumns.Select((_, i) => $"$p{i}"))})";

    public static object?[] Values(CostEntry cost) =>
        [cost.Month.ToString(), cost.Category.ToText(), SqliteRows.Decimal(cost.Amount), cost.Currency.Value, cost.Channel, cost.Description];

    public static object?[] Values(FxRate rate) => [SqliteRows.Date(rate.Date), rate.From.Value, rate.To.Value, SqliteRows.Decimal(rate.Rate)];
}
