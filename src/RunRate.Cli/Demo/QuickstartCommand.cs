using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Engine.Primitives;
using Spectre.Console;

namespace RunRate.Cli.Demo;

/// <summary>
/// <c>runrate quickstart</c>: the first-run experience in one command: writes a demo ledger, imports
/// it and shows the KPI card and the last twelve months, then says what to try next.
/// </summary>
internal sealed class QuickstartCommand(CliContext context)
{
    private readonly Option<int> _customers = new("--customers") { Description = "Number of demo customers", HelpName = "N", DefaultValueFactory = _ => 500 };
    private readonly Option<int> _seed = new("--seed") { HelpName = "SEED", Description = "Random seed", DefaultValueFactory = _ => 42 };
    private readonly Option<string?> _db = Common.Options.Db();
    private readonly Option<bool> _force = new("--force") { Description = "Replace a store that already holds a ledger" };

    public Command Build()
    {
        var command = new Command("quickstart", "Try RunRate on demo data: generate, import and report in one step") { _customers, _seed, _db, _force };
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var db = LedgerAccess.ResolveDb(context, parse.GetValue(_db));
        var options = DemoCommand.Options(parse.GetValue(_customers), parse.GetValue(_seed), null);
        using (var store = LedgerAccess.Open(context, db, create: true))
        {
            if (store.Load().Lines.Count > 0 && !parse.GetValue(_force))
            {
                throw new CliException($"{LedgerAccess.Shown(db)} already holds a ledger; pass --force to replace it with the demo, or --db OTHER.db", ExitCodes.StoreError);
            }
        }

        var asOf = DemoCommand.LoadIntoStore(context, db, options);
        var month = YearMonth.Of(asOf).ToString();
        context.Console.WriteLine();
        // The demo business's own month (up to its as-of day): later months hold only contracts already signed.
        var exit = CliApp.Run(context, ["summary", "--month", month, "--db", db]);
        if (exit == ExitCodes.Success)
        {
            exit = CliApp.Run(context, ["mrr", "--to", month, "--db", db]);
        }

        var dbOption = parse.GetValue(_db) is null ? "" : $" --db {db}";
        context.Console.Write(new Panel(new Markup(
            $"./runrate arr-bridge{dbOption}            [grey]# this year's ARR bridge[/]\n" +
            $"./runrate cohorts --logo{dbOption}        [grey]# retention by cohort[/]\n" +
            $"./runrate customers --status churned{dbOption}\n" +
            $"./runrate mrr --by segment{dbOption}      [grey]# breakdowns: segment, channel, country, owner, product[/]\n" +
            $"./runrate mrr --json{dbOption}            [grey]# machine-readable; --csv for spreadsheets[/]"))
            .Header("Try next").RoundedBorder());
        return exit;
    }
}
