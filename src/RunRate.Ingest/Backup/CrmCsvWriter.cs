using System.Globalization;
using RunRate.Engine.Crm;
using RunRate.Ingest.Csv;

namespace RunRate.Ingest.Backup;

/// <summary>
/// Writes the CRM files of an export, in the same style as the ledger files (<see cref="LedgerCsvWriter"/>):
/// UTF-8, <c>\n</c> line ends, RFC 4180 quoting only where needed, decimals exactly as stored (scale kept),
/// dates <c>YYYY-MM-DD</c>, instants in UTC <c>YYYY-MM-DDTHH:MM:SS.FFFFFFFZ</c>. Every writer returns its row count.
/// </summary>
public static partial class CrmCsvWriter
{
    internal static readonly string[] StageColumns = ["order", "key", "name", "probability", "outcome"];
    internal static readonly string[] DomainColumns = ["account_id", "domain"];
    internal static readonly string[] ContactColumns = ["contact_id", "account_id", "name", "email", "phone", "role"];
    internal static readonly string[] DealColumns =
        ["deal_id", "account_id", "title", "stage", "arr", "currency", "kind", "expected_close", "owner", "channel", "lost_reason", "created"];

    internal static readonly string[] HistoryColumns = ["deal_id", "seq", "stage", "date"];
    internal static readonly string[] DealLineColumns = ["deal_id", "line_id"];

    /// <summary>Writes <c>pipeline_stages.csv</c>: one row per stage, <c>order</c> counting from 1 in board order.</summary>
    public static long WritePipeline(TextWriter writer, Pipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var row = Start(writer, StageColumns);
        for (var i = 0; i < pipeline.Stages.Length; i++)
        {
            var stage = pipeline.Stages[i];
            row.Int(i + 1);
            row.Text(stage.Key);
            row.Text(stage.Name);
            row.Decimal(stage.Probability);
            row.Text(OutcomeText(stage.Outcome));
            row.End();
        }

        return pipeline.Stages.Length;
    }

    /// <summary>Writes <c>account_domains.csv</c>: one row per (account, domain), domains in stored order.</summary>
    public static long WriteDomains(TextWriter writer, IEnumerable<AccountProfile> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var row = Start(writer, DomainColumns);
        long count = 0;
        foreach (var account in accounts)
        {
            foreach (var domain in account.Domains)
            {
                row.Text(account.AccountId.Value);
                row.Text(domain);
                row.End();
                count++;
            }
        }

        return count;
    }

    /// <summary>Writes <c>contacts.csv</c>.</summary>
    public static long WriteContacts(TextWriter writer, IEnumerable<Contact> contacts)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        var row = Start(writer, ContactColumns);
        long count = 0;
        foreach (var contact in contacts)
        {
            row.Text(contact.Id.Value);
            row.Text(contact.AccountId.Value);
            row.Text(contact.Name);
            row.Text(contact.Email);
            row.Text(contact.Phone);
            row.Text(contact.Role);
            row.End();
            count++;
        }

        return count;
    }

    /// <summary>Writes <c>deals.csv</c> (the history goes to <see cref="WriteDealHistory"/>).</summary>
    public static long WriteDeals(TextWriter writer, IEnumerable<Deal> deals)
    {
        ArgumentNullException.ThrowIfNull(deals);
        var row = Start(writer, DealColumns);
        long count = 0;
        foreach (var deal in deals)
        {
            row.Text(deal.Id.Value);
            row.Text(deal.AccountId.Value);
            row.Text(deal.Title);
            row.Text(deal.Stage);
            row.Decimal(deal.Arr);
            row.Text(deal.Currency.Value);
            row.Text(deal.Kind.ToText());
            row.Date(deal.ExpectedClose);
            row.Text(deal.Owner);
            row.Text(deal.Channel);
            row.Text(deal.LostReason);
            row.Date(deal.Created);
            row.End();
            count++;
        }

        return count;
    }

    /// <summary>Writes <c>deal_stage_history.csv</c>: each deal's stage changes, <c>seq</c> counting from 1, oldest first.</summary>
    public static long WriteDealHistory(TextWriter writer, IEnumerable<Deal> deals)
    {
        ArgumentNullException.ThrowIfNull(deals);
        var row = Start(writer, HistoryColumns);
        long count = 0;
        foreach (var deal in deals)
        {
            for (var i = 0; i < deal.History.Length; i++)
            {
                row.Text(deal.Id.Value);
                row.Int(i + 1);
                row.Text(deal.History[i].Stage);
                row.Date(deal.History[i].On);
                row.End();
                count++;
            }
        }

        return count;
    }

    /// <summary>Writes <c>deal_lines.csv</c>.</summary>
    public static long WriteDealLines(TextWriter writer, IEnumerable<DealLineLink> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        var row = Start(writer, DealLineColumns);
        long count = 0;
        foreach (var link in links)
        {
            row.Text(link.Deal.Value);
            row.Text(link.Line.Value);
            row.End();
            count++;
        }

        return count;
    }

    internal static string OutcomeText(StageOutcome outcome) => outcome switch
    {
        StageOutcome.Won => "won",
        StageOutcome.Lost => "lost",
        _ => "open",
    };

    internal static string Instant(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    internal static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static CsvRowWriter Start(TextWriter writer, string[] columns)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var row = new CsvRowWriter(writer);
        row.Header(columns);
        return row;
    }
}
