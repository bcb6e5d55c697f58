using RunRate.Ingest.Csv;

namespace RunRate.Ingest.Backup;

/// <summary>The file names of an export folder (<c>runrate export</c>), in the order they are written and listed.</summary>
public static class BackupFiles
{
    /// <summary>The manifest: format version, when, which RunRate, and each file's row count and SHA-256.</summary>
    public const string Manifest = "runrate-export.json";

    /// <summary>The pipeline's stages in board order.</summary>
    public const string PipelineStages = "pipeline_stages.csv";

    /// <summary>Accounts' e-mail domains, one row per domain.</summary>
    public const string AccountDomains = "account_domains.csv";

    /// <summary>Contacts.</summary>
    public const string Contacts = "contacts.csv";

    /// <summary>Deals (without their history).</summary>
    public const string Deals = "deals.csv";

    /// <summary>Every stage each deal entered, in order.</summary>
    public const string DealStageHistory = "deal_stage_history.csv";

    /// <summary>The ledger lines each won deal created.</summary>
    public const string DealLines = "deal_lines.csv";

    /// <summary>Activities (with the external id that keeps capture idempotent).</summary>
    public const string Activities = "activities.csv";

    /// <summary>Booking targets.</summary>
    public const string Targets = "targets.csv";

    /// <summary>Saved forecast scenarios.</summary>
    public const string Scenarios = "scenarios.csv";

    /// <summary>Billing payments (from billing webhooks).</summary>
    public const string Payments = "payments.csv";

    /// <summary>Billing events already processed.</summary>
    public const string WebhookEvents = "webhook_events.csv";

    /// <summary>The ledger files, as in a ledger folder.</summary>
    public static IReadOnlyList<string> Ledger { get; } =
        [LedgerCsvWriter.CustomersFileName, LedgerCsvWriter.LinesFileName, LedgerCsvWriter.FxFileName, LedgerCsvWriter.CostsFileName];

    /// <summary>The CRM and other stored data.</summary>
    public static IReadOnlyList<string> Crm { get; } =
        [PipelineStages, AccountDomains, Contacts, Deals, DealStageHistory, DealLines, Activities, Targets, Scenarios, Payments, WebhookEvents];

    /// <summary>Every data file of an export.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Ledger, .. Crm];

    /// <summary>The canonical spelling of a known file name (any letter case), or null.</summary>
    public static string? Known(string name) =>
        name.Equals(Manifest, StringComparison.OrdinalIgnoreCase) ? Manifest : All.FirstOrDefault(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
}
