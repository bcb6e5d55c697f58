using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Engine.Crm;
using RunRate.Ingest;
using RunRate.Ingest.Csv;
using RunRate.Ingest.Demo;
using RunRate.Storage;
using Spectre.Console;

namespace RunRate.Cli.Demo;

/// <summary><c>runrate demo</c>: writes a realistic, deterministic demo ledger folder.</summary>
internal sealed class DemoCommand(CliContext context)
{
    private readonly Option<int> _customers = new("--customers") { Description = "Number of customers", HelpName = "N", DefaultValueFactory = _ => 500 };
    private readonly Option<int> _seed = new("--seed") { HelpName = "SEED", Description = "Random seed; the same options always give the same ledger", DefaultValueFactory = _ => 42 };
    private readonly Option<string> _out = new("--out") { Description = "Folder to write customers.csv, lines.csv, fx.csv and costs.csv into", Required = true, HelpName = "FOLDER" };
    private readonly Option<DateOnly?> _asOf = AsOfOption();

    public Command Build()
    {
        var command = new Command("demo", "Write a realistic, deterministic demo ledger (plans, billing intervals, seats, add-ons, one-time fees, churn, win-backs, currencies, monthly costs)")
        {
            _customers, _seed, _out, _asOf,
        };
        command.SetAction(parse => Run.Safely(context, () =>
        {
            var options = Options(parse.GetValue(_customers), parse.GetValue(_seed), parse.GetValue(_asOf));
            var folder = parse.GetRequiredValue(_out);
            var (lines, asOf) = Write(context, options, folder);
            context.Console.MarkupLine(
                $"[green]Wrote[/] {Format.Count(options.Customers)} customers and {Format.Count(lines)} lines (as of {Format.Date(asOf)}, seed {options.Seed}) to {Markup.Escape(folder)}. " +
                $"Next: [bold]runrate import {Markup.Escape(folder)}[/]");
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Validated demo options; a missing as-of date is filled in by <see cref="Write"/>.</summary>
    public static DemoOptions Options(int customers, int seed, DateOnly? asOf)
    {
        if (customers < 1)
        {
            throw new CliException($"--customers must be at least 1, found {customers}", ExitCodes.Usage);
        }

        return new DemoOptions(customers, seed, asOf);
    }

    public static Option<DateOnly?> AsOfOption() => Common.Options.Day("--as-of", "The demo business's 'today' (YYYY-MM-DD); default: today");

    /// <summary>
    /// Writes the demo ledger into <c>demo-ledger/</c> beside the store (a PostgreSQL store: in the working folder) and imports it, then stores the demo's
    /// CRM records (contacts, deals, activities, targets) derived from it, replacing whatever the store held;
    /// returns the demo's as-of date. <c>quickstart</c> and <c>serve --demo</c> both load the demo here.
    /// </summary>
    public static DateOnly LoadIntoStore(CliContext context, string db, DemoOptions options)
    {
        var beside = StoreFactory.IsPostgres(db) ? context.WorkingFolder : Path.GetDirectoryName(Path.GetFullPath(db)) ?? ".";
        var folder = Path.Combine(beside, "demo-ledger");
        var (_, asOf) = Write(context, options, folder);
        var errors = new LedgerErrors();
        using var store = LedgerAccess.Open(context, db, create: true);

        // CRM records of customers the demo ledger lacks would make its replacing import fail: clear them first.
        ExpectDone(store.Crm.ReplaceAll(CrmData.Empty), "clear the CRM records");
        var source = LedgerSource.FromFolder(folder, errors) ?? throw new CliException(string.Join(Environment.NewLine, errors.Items), ExitCodes.Internal);
        var result = LedgerImport.Run(source, store, replace: true, errors);
        if (!result.Succeeded)
        {
            throw new CliException("the generated demo ledger did not import (a bug): " + string.Join(Environment.NewLine, errors.Items), ExitCodes.Internal);
        }

        var crm = DemoCrm.Generate(DemoLedgerGenerator.Generate(options with { AsOf = asOf }));
        ExpectDone(store.Crm.ReplaceAll(crm), "store the demo CRM");
        context.Console.MarkupLine($"[green]Demo ledger ready:[/] {Format.Count(result.Customers)} customers, {Format.Count(result.Lines)} lines in {Markup.Escape(LedgerAccess.Shown(db))} (CSV files in {Markup.Escape(folder)}).");
        context.Console.MarkupLine($"[green]Demo CRM ready:[/] {Format.Count(crm.Contacts.Length)} contacts, {Format.Count(crm.Deals.Length)} deals, {Format.Count(crm.Activities.Length)} activities, {Format.Count(crm.Targets.Length)} targets.");
        return asOf;
    }

    private static void ExpectDone(WriteOutcome outcome, string what)
    {
        if (outcome != WriteOutcome.Done)
        {
            throw new CliException($"cannot {what} for the demo ({outcome}); this is a bug", ExitCodes.Internal);
        }
    }

    /// <summary>Writes the demo; without an as-of date the demo business runs up to today, so the dashboard's current month is alive.</summary>
    public static (long Lines, DateOnly AsOf) Write(CliContext context, DemoOptions options, string folder)
    {
        if (options.AsOf is null)
        {
            options = options with { AsOf = context.Today };
        }

        long lines = 0;
        try
        {
            context.Console.Status().Start($"Generating {Format.Count(options.Customers)} demo customers…", _ =>
            {
                Directory.CreateDirectory(folder);
                var demo = DemoLedgerGenerator.Generate(options);
                lines = LedgerCsvWriter.WriteFolder(folder, demo.Customers, demo.Lines, demo.Fx, demo.Costs);
            });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write the demo ledger to {folder}: {ex.Message}", ExitCodes.StoreError);
        }

        return (lines, options.EffectiveAsOf);
    }
}
