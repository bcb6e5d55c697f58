using RunRate.Engine.Crm;
using RunRate.Ingest.Csv;

namespace RunRate.Ingest.Backup;

/// <summary>Deals, their stage history and their ledger lines.</summary>
internal static partial class CrmCsvReader
{
    private static List<Deal> ReadDeals(CsvFields row, IReadOnlySet<string> customers, Pipeline pipeline)
    {
        var deals = new List<Deal>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        while (row.Next())
        {
            var id = Unique(row, "deal_id", ids);
            var account = Account(row, "account_id", customers);
            var title = row.RequiredText("title");
            var stage = Stage(row, "stage", pipeline);
            var arr = row.Decimal("arr", 0m);
            var currency = row.Currency("currency");
            var kindText = row.Id("kind");
            var kind = DealKinds.Parse(kindText);
            if (kind is null && kindText.Length > 0)
            {
                row.Fail("kind", $"expected new_business, expansion, cross_sell or renewal, found '{FieldParser.Shorten(kindText)}'");
            }

            var expectedClose = row.Date("expected_close");
            var owner = row.Text("owner");
            var channel = row.Text("channel");
            var lostReason = row.Text("lost_reason");
            var created = row.Date("created");
            if (row.Ok)
            {
                deals.Add(new Deal(new(id), new(account), title, stage, arr, currency, kind!.Value, expectedClose, owner, channel, lostReason, created, []));
            }
        }

        return deals;
    }

    private static Dictionary<string, List<(int Seq, StageChange Change)>> ReadHistory(CsvFields row, HashSet<string> deals, Pipeline pipeline)
    {
        var history = new Dictionary<string, List<(int, StageChange)>>(StringComparer.Ordinal);
        var seen = new Dictionary<(string, int), int>();
        while (row.Next())
        {
            var deal = Deal(row, deals);
            var seq = row.Int("seq", 1, 100_000);
            var stage = Stage(row, "stage", pipeline);
            var on = row.Date("date");
            if (row.Ok && !seen.TryAdd((deal, seq), row.Line))
            {
                row.Fail("seq", $"step {seq} of deal {deal} is already on line {seen[(deal, seq)]}");
            }

            if (row.Ok)
            {
                (history.TryGetValue(deal, out var list) ? list : history[deal] = []).Add((seq, new StageChange(stage, on)));
            }
        }

        return history;
    }

    private static List<DealLineLink> ReadDealLines(CsvFields row, HashSet<string> deals)
    {
        var links = new List<DealLineLink>();
        var seen = new Dictionary<(string, string), int>();
        while (row.Next())
        {
            var deal = Deal(row, deals);
            var line = row.Id("line_id");
            if (row.Ok && !seen.TryAdd((deal, line), row.Line))
            {
                row.Fail("line_id", $"line {line} of deal {deal} is already on line {seen[(deal, line)]}");
            }

            if (row.Ok)
            {
                links.Add(new DealLineLink(new(deal), new(line)));
            }
        }

        return links;
    }

    private static string Deal(CsvFields row, HashSet<string> deals)
    {
        var id = row.Id("deal_id");
        if (id.Length > 0 && !deals.Contains(id))
        {
            row.Fail("deal_id", $"deal '{FieldParser.Shorten(id)}' is not in deals.csv");
        }

        return id;
    }

    private static string Stage(CsvFields row, string column, Pipeline pipeline)
    {
        var key = row.Id(column);
        if (key.Length > 0 && pipeline.Find(key) is null)
        {
            row.Fail(column, $"'{FieldParser.Shorten(key)}' is not a stage of the pipeline ({string.Join(", ", pipeline.Stages.Select(s => s.Key))})");
        }

        return key;
    }
}
