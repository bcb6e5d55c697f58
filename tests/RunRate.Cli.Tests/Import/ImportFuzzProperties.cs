using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using RunRate.Cli.Common;
using RunRate.Cli.Tests.Support;
using RunRate.Engine.Ledger;

namespace RunRate.Cli.Tests.Import;

/// <summary>
/// <c>runrate import</c> of mutated ledger files into a populated store (SQLite, or PostgreSQL in test.sh's second
/// pass): either it imports (exit 0), or it exits 2 with every problem as <c>file:line: column: message</c> and the
/// store keeps its revision and every row. Seeds are fixed so CI runs the same cases and a failure replays.
/// </summary>
public sealed partial class ImportFuzzProperties
{
    private const string Customers = "customer_id,name,segment\nC1,Acme,SMB\nC2,\"Globex, \"\"Inc\"\"\",Enterprise\n";
    private const string Header = "line_id,customer_id,kind,product,start_date,end_date,amount,quantity,currency,interval_months\n";
    private const string Lines = Header + "L1,C1,subscription,Pro,2025-01-01,,1200,,USD,12\nL2,C2,addon,\"Support\nplus\",2025-02-10,2025-09-01,700,2,USD,7\nL3,C2,one_time,Setup,2025-03-01,,50,,EUR,\n";
    private const string Fx = "date,from,to,rate\n2025-01-01,EUR,USD,1.1\n";

    private static readonly byte[][] Tokens = [[(byte)','], [(byte)'"'], [(byte)'\r'], [(byte)'\n'], [0], [0xFF], [0xC3], [0xE9], [(byte)'-'], "999999999999999999999999999999"u8.ToArray()];

    [GeneratedRegex(@"^(customers|lines|fx)\.csv(:\d+)?: [^:\r\n]+: .+$")]
    private static partial Regex Located();

    [Fact]
    public void A_mutated_ledger_imports_or_exits_2_with_located_errors_and_the_store_unchanged()
    {
        // One store for every case (a fresh one each would cost most of the time): a case that imports puts the
        // good ledger back with --replace, so each case starts from the same rows.
        using var cli = new CliHarness();
        var good = cli.Ledger("good", Customers, Lines, Fx);
        Assert.Equal(0, cli.Run("import", good).ExitCode);
        var config = Config.QuickThrowOnFailure.WithMaxTest(40).WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(1999, 11400714819323198485), FSharpOption<int>.None)));
        Check.One(config, Prop.ForAll(
            (from file in Gen.Choose(0, 2)
             from edits in Gen.ArrayOf(Gen.Choose(0, int.MaxValue - 1).Zip(Gen.Choose(0, 255)), 3)
             from replace in Gen.Elements(false, true)
             select (file, edits, replace)).ToArbitrary(),
            input =>
            {
                var before = Snapshot(cli);

                var files = new[] { Customers, Lines, Fx }.Select(Encoding.UTF8.GetBytes).ToArray();
                files[input.file] = Mutate(files[input.file], input.edits);
                var folder = Path.Combine(cli.Folder, "fuzzed");
                Directory.CreateDirectory(folder);
                File.WriteAllBytes(Path.Combine(folder, "customers.csv"), files[0]);
                File.WriteAllBytes(Path.Combine(folder, "lines.csv"), files[1]);
                File.WriteAllBytes(Path.Combine(folder, "fx.csv"), files[2]);

                var result = input.replace ? cli.Run("import", folder, "--replace") : cli.Run("import", folder);

                if (result.ExitCode == 0)
                {
                    Assert.Equal(0, cli.Run("import", good, "--replace").ExitCode);
                    return;
                }

                Assert.Equal(ExitCodes.InvalidData, result.ExitCode);
                var problems = result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Where(l => l.Contains(".csv", StringComparison.Ordinal) && !l.Contains("nothing was imported", StringComparison.Ordinal)).ToList();
                Assert.NotEmpty(problems);
                Assert.All(problems, p => Assert.Matches(Located(), p));
                Assert.Equal(before, Snapshot(cli));
            }));
    }

    /// <summary>The store's revision and every row, as text: equal means nothing was written.</summary>
    private static string Snapshot(CliHarness cli)
    {
        using var store = cli.OpenStore(create: false);
        var text = new StringBuilder(store.Revision().ToString(CultureInfo.InvariantCulture)).Append('\n');
        store.StreamLedger(
            fx => text.Append(CultureInfo.InvariantCulture, $"{fx}\n"),
            customer => text.Append(CultureInfo.InvariantCulture, $"{customer.Id} {customer.Name} {customer.Segment}\n"),
            line => text.Append(CultureInfo.InvariantCulture, $"{Show(line)}\n"));
        return text.ToString();
    }

    private static string Show(RevenueLine l) =>
        string.Create(CultureInfo.InvariantCulture, $"{l.Id} {l.CustomerId} {l.Kind} {l.Product} {l.Start:yyyy-MM-dd} {l.End:yyyy-MM-dd} {l.Amount} {l.Quantity} {l.Currency} {l.IntervalMonths}");

    private static byte[] Mutate(byte[] bytes, (int Position, int Value)[] edits)
    {
        var list = new List<byte>(bytes);
        foreach (var (position, value) in edits)
        {
            var at = position % (list.Count + 1);
            if (value < 64 && list.Count > 0)
            {
                list.RemoveAt(Math.Min(at, list.Count - 1));
            }
            else if (value < 128 && list.Count > 0)
            {
                list[Math.Min(at, list.Count - 1)] = (byte)value;
            }
            else
            {
                list.InsertRange(at, Tokens[value % Tokens.Length]);
            }
        }

        return [.. list];
    }
}
