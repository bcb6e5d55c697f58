using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Cli.Crm;
using RunRate.Web.Forecast;
using Spectre.Console;

namespace RunRate.Cli.Forecast;

/// <summary><c>runrate scenario list</c>: every saved scenario and its rules, as <c>GET /api/scenarios</c>.</summary>
internal sealed class ScenarioListCommand(CliContext context)
{
    private readonly Option<string?> _db = Options.Db();
    private readonly Option<bool> _json = Options.Json();

    public Command Build()
    {
        var command = new Command("list", "List the saved forecast scenarios and their rules") { _db, _json };
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        using var store = CrmCli.Open(context, parse.GetValue(_db));
        var scenarios = store.Scenarios.List().Select(ScenarioDto.From).ToList();
        if (parse.GetValue(_json))
        {
            CrmCli.Json(context, new ScenariosResponse(scenarios));
            return ExitCodes.Success;
        }

        if (scenarios.Count == 0)
        {
            context.Console.MarkupLine("No saved scenarios. Save one with [bold]runrate scenario save NAME --churn-points -1[/].");
            return ExitCodes.Success;
        }

        var table = new Table().RoundedBorder().Title($"Scenarios, {Format.Count(scenarios.Count)}").AddColumn("Name").AddColumn("Rules");
        foreach (var s in scenarios)
        {
            table.AddRow(Markup.Escape(s.Name), Markup.Escape(ScenarioText.Rules(s)));
        }

        context.Console.Write(table);
        return ExitCodes.Success;
    }
}
