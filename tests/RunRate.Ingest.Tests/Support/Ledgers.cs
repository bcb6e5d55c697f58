using System.Text;

namespace RunRate.Ingest.Tests.Support;

/// <summary>Builds ledger sources from CSV text held in memory.</summary>
internal static class Ledgers
{
    public const string Customers = "customer_id,name,segment\nC1,Acme,SMB\nC2,Globex,Enterprise\n";

    public const string LinesHeader = "line_id,customer_id,kind,product,start_date,end_date,amount,quantity,currency,interval_months\n";

    public static LedgerSource Source(string customers, string lines, string? fx = null) =>
        new(() => Stream(customers), () => Stream(lines), fx is null ? null : () => Stream(fx));

    public static Stream Stream(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    public static ImportResult Import(string customers, string lines, string? fx = null, MemoryTarget? target = null) =>
        LedgerImport.Run(Source(customers, lines, fx), target ?? new MemoryTarget(), replace: false);
}
