using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Cli.Crm;
using Spectre.Console;

namespace RunRate.Cli.Forecast;

/// <summary><c>runrate scenario delete NAME</c>: deletes a saved scenario, as <c>DELETE /api/scenarios/{name}</c>.</summary>
internal sealed class ScenarioDeleteCommand(CliContext context)
{
    private readonly Argument<string> _name = new("NAME") { Description = "The scenario to delete (ignoring case)" };
    private readonly Option<string?> _db = Options.Db();

    public Command Build()
    {
        var command = new Command("delete", "Delete a saved forecast scenario") { _name, _db };
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var name = parse.GetValue(_name)?.Trim() ?? "";
        using var store = CrmCli.Open(context, parse.GetValue(_db));
        if (!store.Scenarios.Delete(name))
        {
            throw new CliException($"NAME: no saved scenario named '{name}' (runrate scenario list shows them)", ExitCodes.NotFound);
        }

        context.Console.MarkupLine($"Deleted scenario {Markup.Escape(name)}.");
        return ExitCodes.Success;
    }
}
