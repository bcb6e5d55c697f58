using System.CommandLine;
using RunRate.Cli.Access;
using RunRate.Cli.ArrBridge;
using RunRate.Cli.Audit;
using RunRate.Cli.Billing;
using RunRate.Cli.Capture;
using RunRate.Cli.Cohorts;
using RunRate.Cli.Common;
using RunRate.Cli.Crm;
using RunRate.Cli.Customers;
using RunRate.Cli.Demo;
using RunRate.Cli.Economics;
using RunRate.Cli.Forecast;
using RunRate.Cli.Import;
using RunRate.Cli.Mrr;
using RunRate.Cli.Report;
using RunRate.Cli.Sales;
using RunRate.Cli.Serve;
using RunRate.Cli.Summary;
using RunRate.Cli.Valuation;

namespace RunRate.Cli;

/// <summary>The command tree. Built from a <see cref="CliContext"/> so tests run the exact same commands in-process.</summary>
internal static class CliApp
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("RunRate: exact MRR, ARR, churn, retention and valuation from your subscription ledger.");
        root.Subcommands.Add(new ImportCommand(context).Build());
        root.Subcommands.Add(new Export.ExportCommand(context).Build());
        root.Subcommands.Add(new MrrCommand(context).Build());
        root.Subcommands.Add(new SummaryCommand(context).Build());
        root.Subcommands.Add(new ArrBridgeCommand(context).Build());
        root.Subcommands.Add(new CohortsCommand(context).Build());
        root.Subcommands.Add(new CustomersCommand(context).Build());
        root.Subcommands.Add(new CustomerCommand(context).Build());
        root.Subcommands.Add(new ReportCommand(context).Build());
        root.Subcommands.Add(new DemoCommand(context).Build());
        root.Subcommands.Add(new QuickstartCommand(context).Build());
        root.Subcommands.Add(new ServeCommand(context).Build());
        root.Subcommands.Add(new SalesCommand(context).Build());
        root.Subcommands.Add(new RenewalsCommand(context).Build());
        root.Subcommands.Add(new SignalsCommand(context).Build());
        root.Subcommands.Add(new WebhookCommand(context).Build());
        root.Subcommands.Add(new CaptureCommand(context).Build());
        root.Subcommands.Add(new ContactsCommand(context).Build());
        root.Subcommands.Add(new Command("contact", "Add contacts to accounts") { new ContactAddCommand(context).Build() });
        root.Subcommands.Add(new DealsCommand(context).Build());
        root.Subcommands.Add(new Command("deal", "Add deals and move them through the pipeline") { new DealAddCommand(context).Build(), new DealMoveCommand(context).Build(), new DealLinesCommand(context).Build() });
        root.Subcommands.Add(new ActivitiesCommand(context).Build());
        root.Subcommands.Add(new Command("activity", "Log activities on accounts") { new ActivityAddCommand(context).Build() });
        root.Subcommands.Add(new TargetsCommand(context).Build());
        root.Subcommands.Add(new Command("target", "Set booking targets") { new TargetSetCommand(context).Build() });
        root.Subcommands.Add(new ForecastCommand(context).Build());
        root.Subcommands.Add(new Command("scenario", "Save, list and delete forecast scenarios")
        {
            new ScenarioSaveCommand(context).Build(), new ScenarioListCommand(context).Build(), new ScenarioDeleteCommand(context).Build(),
        });
        root.Subcommands.Add(new EconomicsCommand(context).Build());
        root.Subcommands.Add(new ValuationCommand(context).Build());
        root.Subcommands.Add(new AuditCommand(context).Build());
        root.Subcommands.Add(new Command("workspace", "Add and list workspaces (each company's separate books)") { new WorkspaceAddCommand(context).Build(), new WorkspaceListCommand(context).Build() });
        root.Subcommands.Add(new Command("user", "Manage dashboard users and their roles")
        {
            new UserAddCommand(context).Build(), new UserListCommand(context).Build(), new UserRoleCommand(context).Build(), new UserPasswordCommand(context).Build(),
            new UserDisableCommand(context, disable: true).Build(), new UserDisableCommand(context, disable: false).Build(),
        });
        root.Subcommands.Add(new Command("token", "Create, list and revoke API tokens") { new TokenCreateCommand(context).Build(), new TokenListCommand(context).Build(), new TokenRevokeCommand(context).Build() });
        return root;
    }

    public static int Run(CliContext context, string[] args, TextWriter? error = null)
    {
        var parse = Build(context).Parse(args);
        var parseError = parse.Action as System.CommandLine.Invocation.ParseErrorAction;
        if (parseError is not null)
        {
            // Errors only: a screen of help would bury the line that says what was wrong, and typo
            // corrections go to standard output, where JSON consumers read.
            parseError.ShowHelp = false;
            parseError.ShowTypoCorrections = false;
        }

        var exit = parse.Invoke(new InvocationConfiguration
        {
            Output = context.Output,
            Error = error ?? Console.Error,
            EnableDefaultExceptionHandler = false,
        });
        if (parseError is not null)
        {
            var command = parse.CommandResult.Command is RootCommand ? "" : parse.CommandResult.Command.Name + " ";
            (error ?? Console.Error).WriteLine($"Run 'runrate {command}--help' for usage.");
        }

        return exit;
    }
}
