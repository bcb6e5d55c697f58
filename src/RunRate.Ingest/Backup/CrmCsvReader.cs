using RunRate.Engine.Crm;
using RunRate.Ingest.Csv;

namespace RunRate.Ingest.Backup;

/// <summary>
/// Reads and validates the CRM files of an export with the same discipline as the ledger files: every problem
/// located (<c>deals.csv:12: stage: …</c>), all of them reported, the whole set refused when any is wrong. Checks
/// what the store itself enforces: unique ids, e-mails and external ids; accounts that are customers of the
/// ledger being imported; deal stages in the pipeline; history and line links of deals that exist. A missing
/// file means no such records (and a missing <c>pipeline_stages.csv</c> the default pipeline).
/// </summary>
internal static partial class CrmCsvReader
{
    /// <summary>Reads every CRM file present in <paramref name="files"/>; the result is meaningful only when no error was added.</summary>
    public static CrmBackup Read(IReadOnlyDictionary<string, Func<Stream>> files, IReadOnlySet<string> customers, LedgerErrors errors)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(errors);
        T ReadFile<T>(string name, Func<CsvFields, T> read, string[] columns, string[] required, T empty) =>
            files.TryGetValue(name, out var open)
                ? LedgerImport.ReadText(name, open, errors, text => CsvTable.Open(name, text, errors, required, columns) is { } table ? read(new CsvFields(table, errors)) : empty) ?? empty
                : empty;

        var pipeline = ReadFile(BackupFiles.PipelineStages, ReadPipeline, CrmCsvWriter.StageColumns, CrmCsvWriter.StageColumns, (Pipeline?)null) ?? Pipeline.Default;
        var accounts = ReadFile(BackupFiles.AccountDomains, f => ReadDomains(f, customers), CrmCsvWriter.DomainColumns, CrmCsvWriter.DomainColumns, []);
        var contacts = ReadFile(BackupFiles.Contacts, f => ReadContacts(f, customers), CrmCsvWriter.ContactColumns, ["contact_id", "account_id", "name"], []);
        var deals = ReadFile(BackupFiles.Deals, f => ReadDeals(f, customers, pipeline), CrmCsvWriter.DealColumns, DealRequired, []);
        var dealIds = deals.Select(d => d.Id.Value).ToHashSet(StringComparer.Ordinal);
        var history = ReadFile(BackupFiles.DealStageHistory, f => ReadHistory(f, dealIds, pipeline), CrmCsvWriter.HistoryColumns, CrmCsvWriter.HistoryColumns, []);
        var links = ReadFile(BackupFiles.DealLines, f => ReadDealLines(f, dealIds), CrmCsvWriter.DealLineColumns, CrmCsvWriter.DealLineColumns, []);
        var activities = ReadFile(BackupFiles.Activities, f => ReadActivities(f, customers), CrmCsvWriter.ActivityColumns, ActivityRequired, []);
        var targets = ReadFile(BackupFiles.Targets, ReadTargets, CrmCsvWriter.TargetColumns, CrmCsvWriter.TargetColumns, []);
        var scenarios = ReadFile(BackupFiles.Scenarios, ReadScenarios, CrmCsvWriter.ScenarioColumns, ["name"], []);
        var payments = ReadFile(BackupFiles.Payments, ReadPayments, CrmCsvWriter.PaymentColumns, PaymentRequired, []);
        var events = ReadFile(BackupFiles.WebhookEvents, ReadEvents, CrmCsvWriter.EventColumns, CrmCsvWriter.EventColumns, []);

        var withHistory = deals.Select(d => d with { History = history.TryGetValue(d.Id.Value, out var changes) ? [.. changes.OrderBy(c => c.Seq).Select(c => c.Change)] : [] });
        var crm = new CrmData(pipeline, [.. accounts], [.. contacts], [.. withHistory], [.. activities], [.. targets], []);
        return new CrmBackup(crm, [.. links], [.. payments], [.. events], [.. scenarios]);
    }

    private static readonly string[] DealRequired = ["deal_id", "account_id", "title", "stage", "arr", "currency", "kind", "expected_close", "created"];
    private static readonly string[] ActivityRequired = ["activity_id", "kind", "at", "subject", "account_id", "source"];
    private static readonly string[] PaymentRequired = ["payment_key", "account_id", "date", "succeeded", "reference"];

    private static Pipeline? ReadPipeline(CsvFields row)
    {
        var stages = new List<(int Order, PipelineStage Stage)>();
        var orders = new Dictionary<int, int>();
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var ok = true;
        while (row.Next())
        {
            var order = row.Int("order", 1, 1000);
            var key = row.Id("key");
            var name = row.RequiredText("name");
            var probability = row.Decimal("probability", 0m, 1m);
            var outcomeText = row.Id("outcome");
            StageOutcome? outcome = outcomeText switch { "open" => StageOutcome.Open, "won" => StageOutcome.Won, "lost" => StageOutcome.Lost, _ => null };
            if (outcome is null && outcomeText.Length > 0)
            {
                row.Fail("outcome", $"expected open, won or lost, found '{FieldParser.Shorten(outcomeText)}'");
            }

            if (row.Ok && !orders.TryAdd(order, row.Line))
            {
                row.Fail("order", $"{order} is already on line {orders[order]}");
            }

            if (row.Ok && !keys.TryAdd(key, row.Line))
            {
                row.Fail("key", $"'{key}' is already on line {keys[key]}");
            }

            ok &= row.Ok;
            if (row.Ok)
            {
                stages.Add((order, new PipelineStage(key, name, probability, outcome!.Value)));
            }
        }

        if (!ok)
        {
            return null;
        }

        var ordered = stages.OrderBy(s => s.Order).Select(s => s.Stage).ToList();
        var problems = Pipeline.Problems(ordered);
        foreach (var problem in problems)
        {
            row.FailFile("pipeline", problem);
        }

        return problems.Count == 0 ? new Pipeline(ordered) : null;
    }

    private static List<AccountProfile> ReadDomains(CsvFields row, IReadOnlySet<string> customers)
    {
        var domains = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var seen = new Dictionary<(string, string), int>();
        while (row.Next())
        {
            var account = Account(row, "account_id", customers);
            var domain = row.Id("domain");
            if (domain.Length > 0 && (domain.Any(c => char.IsWhiteSpace(c) || c == '@') || !string.Equals(domain, domain.ToLowerInvariant(), StringComparison.Ordinal)))
            {
                row.Fail("domain", $"expected a lower-case domain such as acme.com, found '{FieldParser.Shorten(domain)}'");
            }

            if (row.Ok && !seen.TryAdd((account, domain), row.Line))
            {
                row.Fail("domain", $"'{domain}' of {account} is already on line {seen[(account, domain)]}");
            }

            if (row.Ok)
            {
                (domains.TryGetValue(account, out var list) ? list : domains[account] = []).Add(domain);
            }
        }

        return [.. domains.Select(d => new AccountProfile(new(d.Key), [.. d.Value]))];
    }

    private static List<Contact> ReadContacts(CsvFields row, IReadOnlySet<string> customers)
    {
        var contacts = new List<Contact>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var emails = new Dictionary<string, int>(StringComparer.Ordinal);
        while (row.Next())
        {
            var id = Unique(row, "contact_id", ids);
            var account = Account(row, "account_id", customers);
            var name = row.RequiredText("name");
            var email = row.OptionalId("email");
            if (email is not null && (!email.Contains('@', StringComparison.Ordinal) || !string.Equals(email, email.ToLowerInvariant(), StringComparison.Ordinal)))
            {
                row.Fail("email", $"expected a lower-case e-mail address, found '{FieldParser.Shorten(email)}'");
            }
            else if (email is not null && !emails.TryAdd(email, row.Line))
            {
                row.Fail("email", $"'{email}' belongs to the contact on line {emails[email]} already");
            }

            var phone = row.Text("phone");
            var role = row.Text("role");
            if (row.Ok)
            {
                contacts.Add(new Contact(new(id), new(account), name, email, phone, role));
            }
        }

        return contacts;
    }

    /// <summary>A required id that no earlier row has.</summary>
    private static string Unique(CsvFields row, string column, Dictionary<string, int> seen)
    {
        var id = row.Id(column);
        if (id.Length > 0 && !seen.TryAdd(id, row.Line))
        {
            row.Fail(column, $"duplicate id '{FieldParser.Shorten(id)}' (first on line {seen[id]})");
        }

        return id;
    }

    /// <summary>A required account id that is a customer of the ledger being imported.</summary>
    private static string Account(CsvFields row, string column, IReadOnlySet<string> customers)
    {
        var id = row.Id(column);
        if (id.Length > 0 && !customers.Contains(id))
        {
            row.Fail(column, $"account '{FieldParser.Shorten(id)}' is not a customer in customers.csv");
        }

        return id;
    }
}
