using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Ingest.Backup;
using RunRate.Storage.Backup;
using Spectre.Console;

namespace RunRate.Cli.Export;

/// <summary>
/// <c>runrate export FOLDER</c>: writes the whole store (ledger, CRM, scenarios, payments, processed billing events)
/// as CSV files plus a manifest, the backup that <c>runrate import FOLDER --replace</c> restores to identical reports.
/// </summary>
internal sealed class ExportCommand(CliContext context)
{
    private readonly Argument<string> _folder = new("FOLDER") { Description = "Folder to write the export into (created if missing; the export's files in it are replaced)" };
    private readonly Option<string?> _db = Options.Db();
    private readonly Option<bool> _json = Options.Json();

    public Command Build()
    {
        var command = new Command("export", "Export the whole store (ledger and CRM) as CSV files with a manifest; restore with import --replace") { _folder, _db, _json };
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var folder = parse.GetRequiredValue(_folder);
        if (File.Exists(folder))
        {
            throw new CliException($"FOLDER: {folder} is a file; give a folder to write the export into", ExitCodes.Usage);
        }

        StoreContents contents;
        using (var store = LedgerAccess.Open(context, parse.GetValue(_db), create: false))
        {
            contents = StoreBackup.Read(store);
        }

        BackupManifest manifest;
        try
        {
            manifest = BackupWriter.WriteFolder(folder, contents.Ledger, contents.Crm, context.Clock.GetUtcNow());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write the export into {folder}: {ex.Message}", ExitCodes.StoreError);
        }

        if (parse.GetValue(_json))
        {
            using var stream = new MemoryStream();
            manifest.Write(stream);
            context.Output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            return ExitCodes.Success;
        }

        var rows = manifest.Files.ToDictionary(f => f.Name, f => f.Rows, StringComparer.Ordinal);
        context.Console.MarkupLine(
            $"[green]Exported[/] {Format.Count(rows["customers.csv"])} customers, {Format.Count(rows["lines.csv"])} lines, {Format.Count(rows[BackupFiles.Contacts])} contacts, " +
            $"{Format.Count(rows[BackupFiles.Deals])} deals, {Format.Count(rows[BackupFiles.Activities])} activities and {Format.Count(rows[BackupFiles.Scenarios])} scenarios " +
            $"to {Markup.Escape(folder)} ({manifest.Files.Count} files and {BackupFiles.Manifest}). Restore with: runrate import {Markup.Escape(folder)} --replace");
        return ExitCodes.Success;
    }
}
