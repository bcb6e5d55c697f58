using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Ingest;
using RunRate.Ingest.Backup;
using RunRate.Reporting.Import;
using Spectre.Console;

namespace RunRate.Cli.Import;

/// <summary><c>runrate import FOLDER</c>: validates a ledger folder and stores it all or nothing.</summary>
internal sealed class ImportCommand(CliContext context)
{
    private readonly Argument<string> _folder = new("FOLDER") { Description = "Ledger folder with customers.csv, lines.csv and optional fx.csv and costs.csv, or a folder written by runrate export (restore it with --replace)" };
    private readonly Option<string?> _db = Options.Db();
    private readonly Option<bool> _replace = new("--replace") { Description = "Replace the whole stored ledger atomically instead of merging by id (with an export's CRM files: the CRM too)" };
    private readonly Option<bool> _json = Options.Json();

    public Command Build()
    {
        var command = new Command("import", "Import a ledger folder (validated; all or nothing; idempotent)") { _folder, _db, _replace, _json };
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var folder = parse.GetRequiredValue(_folder);
        var replace = parse.GetValue(_replace);
        var json = parse.GetValue(_json);
        var errors = new LedgerErrors(cap: 200);
        var source = BackupSource.FromFolder(folder, errors);
        BackupImportResult? restored = null;
        if (source is not null)
        {
            using var store = LedgerAccess.Open(context, parse.GetValue(_db), create: true);
            restored = json ? BackupImport.Run(source, folder, store, replace, errors) : WithProgress(source, folder, store, replace, errors);
        }

        var result = restored?.Ledger;

        if (json)
        {
            ImportReport.Json(context.Output, result, errors);
        }

        if (errors.Any)
        {
            if (!json)
            {
                foreach (var e in errors.Items)
                {
                    context.Errors.WriteLine(e.ToString());
                }

                var more = errors.Count - errors.Items.Count;
                context.Error($"{Format.Count(errors.Count)} error(s){(more > 0 ? $" ({Format.Count(more)} not shown)" : "")}; nothing was imported, the store is unchanged.");
            }

            return result is null && errors.Items.Any(e => e.Column is "folder" || (e.Column == "file" && e.Message.StartsWith("not found", StringComparison.Ordinal))) ? ExitCodes.NotFound : ExitCodes.InvalidData;
        }

        if (!json)
        {
            context.Console.MarkupLine(
                $"[green]Imported[/] {Format.Count(result!.Customers)} customers, {Format.Count(result.Lines)} lines, {Format.Count(result.FxRates)} exchange rates{(result.Costs > 0 ? $", {Format.Count(result.Costs)} costs" : "")} " +
                $"into {Markup.Escape(LedgerAccess.Shown(LedgerAccess.ResolveDb(context, parse.GetValue(_db))))}{(replace ? " (replaced the whole ledger)" : "")}.");
            if (restored?.Crm is { } crm)
            {
                context.Console.MarkupLine(
                    $"[green]Restored[/] the CRM: {Format.Count(crm.Crm.Contacts.Length)} contacts, {Format.Count(crm.Crm.Deals.Length)} deals, {Format.Count(crm.Crm.Activities.Length)} activities, " +
                    $"{Format.Count(crm.Crm.Targets.Length)} targets, {Format.Count(crm.Scenarios.Length)} scenarios, {Format.Count(crm.Payments.Length)} payments, {Format.Count(crm.WebhookEvents.Length)} billing events.");
            }
        }

        return ExitCodes.Success;
    }

    private BackupImportResult WithProgress(BackupSource source, string folder, ILedgerImportTarget store, bool replace, LedgerErrors errors)
    {
        BackupImportResult? result = null;
        context.Console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask("Importing lines.csv", maxValue: 1.0);
                result = BackupImport.Run(source, folder, store, replace, errors, new SyncProgress(fraction => task.Value = fraction));
                task.Value = 1.0;
            });
        return result!;
    }
}

/// <summary>Reports progress on the importing thread (Progress&lt;T&gt; would post callbacks that can land after the bar closed).</summary>
internal sealed class SyncProgress(Action<double> report) : IProgress<double>
{
    public void Report(double value) => report(value);
}
