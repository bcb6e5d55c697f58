using System.Text;

namespace RunRate.Ingest.Tests.Support;

/// <summary>Builds ledger sources from CSV text held in memory.</summary>
internal static class Ledgers
{
    public const string Customers = "customer_id,name,segment\nC1,Acme,SMB\nC2,Globex,Enterprise\n";

    public const string LinesHeader = "line_id,customer_id,kind,product,start_date,end_date,amount,quantity,currency,interval_months\n";

    public const string CostsHeader = "month,category,amount,currency,channel,description\n";

    public static LedgerSource Source(string customers, string lines, string? fx = null, string? costs = null) =>
        new(() => Stream(customers), () => Stream(lines), fx is null ? null : () => Stream(fx), costs is null ? null : () => Stream(costs));

    public static Stream Stream(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    public static ImportResult Import(string customers, string lines, string? fx = null, MemoryTarget? target = null, string? costs = null, bool replace = false) =>
        LedgerImport.Run(Source(customers, lines, fx, costs), target ?? new MemoryTarget(), replace);
}
