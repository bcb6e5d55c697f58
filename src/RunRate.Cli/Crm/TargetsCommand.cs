using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Web.Crm;
using Spectre.Console;

namespace RunRate.Cli.Crm;

/// <summary><c>runrate targets</c>: every booking target, by period then owner, as <c>GET /api/targets</c>.</summary>
internal sealed class TargetsCommand(CliContext context)
{
    private readonly Option<string?> _db = Options.Db();
    private readonly Option<bool> _json = Options.Json();

    public Command Build()
    {
        var command = new Command("targets", "List the owners' booking targets per month or quarter") { _db, _json };
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        using var store = CrmCli.Open(context, parse.GetValue(_db));
        var targets = store.Crm.Load().Targets.Select(CrmView.Target).ToList();
        if (parse.GetValue(_json))
        {
            CrmCli.Json(context, new TargetsResponse(targets));
            return ExitCodes.Success;
        }

        var table = new Table().RoundedBorder().Title($"Targets, {Format.Count(targets.Count)}");
        table.AddColumns("Period", "Owner", "ARR", "Currency");
        table.Columns[2].RightAligned();
        foreach (var t in targets)
        {
            table.AddRow(t.Period, Markup.Escape(t.Owner), CrmCli.Money(t.Arr), t.Currency);
        }

        context.Console.Write(table);
        return ExitCodes.Success;
    }
}
