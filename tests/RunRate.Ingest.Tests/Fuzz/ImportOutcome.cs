using System.Text;
using RunRate.Ingest.Tests.Support;

namespace RunRate.Ingest.Tests.Fuzz;

/// <summary>
/// Runs an import of raw bytes and checks what every input must give: either a committed import, or located errors
/// and nothing committed, and never an exception.
/// </summary>
internal static class ImportOutcome
{
    public static readonly string[] Files = ["customers.csv", "lines.csv", "fx.csv", "costs.csv"];

    public const string Customers = "customer_id,name,segment,country,plan tier\nC1,Acme,SMB,US,gold\nC2,\"Globex, \"\"Inc\"\"\",Enterprise,DE,\nC3,\"Two\nlines\",Mid-Market,FR,x\n";

    public const string Lines = Ledgers.LinesHeader +
        "L1,C1,subscription,Pro,2024-01-01,,1200.50,2,USD,12\n" +
        "L2,C2,addon,\"Support, premium\",2024-02-10,2024-12-31,70,,EUR,1\n" +
        "L3,C3,one_time,Setup,2024-03-01,,500,,USD,\n";

    public const string Fx = "date,from,to,rate\n2024-01-01,EUR,USD,1.1\n";

    public const string Costs = Ledgers.CostsHeader + "2024-01,cogs,100,USD,,hosting\n";

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Imports the four files (null = file absent) into an empty in-memory target and checks the outcome.</summary>
    public static ImportResult Check(byte[] customers, byte[] lines, byte[]? fx = null, byte[]? costs = null)
    {
        var target = new MemoryTarget();
        var source = new LedgerSource(() => new MemoryStream(customers), () => new MemoryStream(lines), fx is null ? null : () => new MemoryStream(fx), costs is null ? null : () => new MemoryStream(costs));
        var result = LedgerImport.Run(source, target, replace: false);
        var sizes = new Dictionary<string, byte[]?> { ["customers.csv"] = customers, ["lines.csv"] = lines, ["fx.csv"] = fx, ["costs.csv"] = costs };
        if (result.Succeeded)
        {
            Assert.Equal(1, target.Commits);
            return result;
        }

        Assert.Equal(0, target.Commits);
        Assert.Empty(target.Customers);
        Assert.Empty(target.Lines);
        Assert.True(result.Errors.Items.Count > 0);
        foreach (var error in result.Errors.Items)
        {
            Assert.Contains(error.File, Files);
            Assert.False(string.IsNullOrWhiteSpace(error.Column), error.ToString());
            Assert.False(string.IsNullOrWhiteSpace(error.Message), error.ToString());
            Assert.True(error.Line >= 0, error.ToString());
            Assert.True(error.Line <= PhysicalLines(sizes[error.File]!) + 1, $"{error} is beyond the end of the file");
            Assert.DoesNotContain('\0', error.ToString());
        }

        return result;
    }

    public static ImportResult Check(string customers, string lines, string? fx = null, string? costs = null) =>
        Check(Utf8(customers), Utf8(lines), fx is null ? null : Utf8(fx), costs is null ? null : Utf8(costs));

    private static int PhysicalLines(byte[] bytes)
    {
        var count = 1;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 == bytes.Length || bytes[i + 1] != '\n')))
            {
                count++;
            }
        }

        return count;
    }
}
