using System.CommandLine;
using RunRate.Cli.ArrBridge;
using RunRate.Cli.Cohorts;
using RunRate.Cli.Common;
using RunRate.Cli.Customers;
using RunRate.Cli.Import;
using RunRate.Cli.Mrr;
using RunRate.Cli.Summary;

namespace RunRate.Cli;

/// <summary>The command tree. Built from a <see cref="CliContext"/> so tests run the exact same commands in-process.</summary>
internal static class CliApp
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("RunRate: exact MRR, ARR, churn, retention and valuation from your subscription ledger.");
        root.Subcommands.Add(new ImportCommand(context).Build());
        root.Subcommands.Add(new MrrCommand(context).Build());
        root.Subcommands.Add(new SummaryCommand(context).Build());
        root.Subcommands.Add(new ArrBridgeCommand(context).Build());
        root.Subcommands.Add(new CohortsCommand(context).Build());
        root.Subcommands.Add(new CustomersCommand(context).Build());
        root.Subcommands.Add(new CustomerCommand(context).Build());
        return root;
    }

    public static int Run(CliContext context, string[] args, TextWriter? error = null)
    {
        var parse = Build(context).Parse(args);
        return parse.Invoke(new InvocationConfiguration
        {
            Output = context.Output,
            Error = error ?? Console.Error,
            EnableDefaultExceptionHandler = false,
        });
    }
}
