using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Cli.Crm;
using RunRate.Ingest.Forecast;
using RunRate.Ingest.Validation;
using RunRate.Storage;
using RunRate.Web.Forecast;
using Spectre.Console;

namespace RunRate.Cli.Forecast;

/// <summary><c>runrate scenario save NAME</c>: saves (creates or replaces) a what-if scenario, as <c>PUT /api/scenarios/{name}</c>.</summary>
internal sealed class ScenarioSaveCommand(CliContext context)
{
    private static readonly Dictionary<string, string> OptionOf = new(StringComparer.Ordinal)
    {
        ["name"] = "NAME", ["churn_points"] = "--churn-points", ["new_percent"] = "--new-percent", ["expansion_percent"] = "--expansion-percent",
        ["price_percent"] = "--price-percent", ["price_from"] = "--price-from", ["pipeline_percent"] = "--pipeline-percent",
    };

    private readonly Argument<string> _name = new("NAME") { Description = "The scenario's name (letters, digits, spaces and - _ . + ( ); 'base' is reserved)" };
    private readonly Option<string?> _churn = new("--churn-points") { Description = "Points added to the monthly MRR churn rate (-1 = one point less churn a month)", HelpName = "X" };
    private readonly Option<string?> _new = new("--new-percent") { Description = "Percent change of new-business and reactivation MRR per month (20 = +20 %)", HelpName = "X" };
    private readonly Option<string?> _expansion = new("--expansion-percent") { Description = "Percent change of the monthly expansion rate", HelpName = "X" };
    private readonly Option<string?> _price = new("--price-percent") { Description = "Percent price change applied to every layer from --price-from on", HelpName = "X" };
    private readonly Option<string?> _priceFrom = new("--price-from") { Description = "First month of the price change (default: the first forecast month)", HelpName = "YYYY-MM" };
    private readonly Option<string?> _pipeline = new("--pipeline-percent") { Description = "Percent change of every open stage's win probability (capped at 100 %)", HelpName = "X" };
    private readonly Option<string?> _db = Options.Db();
    private readonly Option<bool> _json = new("--json") { Description = "Print the saved scenario as JSON" };

    public Command Build()
    {
        var command = new Command("save", "Save a forecast scenario under a name (creates it, or replaces the one of that name)")
        {
            _name, _churn, _new, _expansion, _price, _priceFrom, _pipeline, _db, _json,
        };
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var problems = new List<FieldProblem>();
        var scenario = ScenarioFieldRules.Validate(
            new ScenarioFields(parse.GetValue(_name), parse.GetValue(_churn), parse.GetValue(_new), parse.GetValue(_expansion), parse.GetValue(_price), parse.GetValue(_priceFrom), parse.GetValue(_pipeline)),
            problems);
        CrmCli.ThrowIfAny(problems, OptionOf);
        using var store = CrmCli.Open(context, parse.GetValue(_db));
        var existed = store.Scenarios.Find(scenario!.Name) is not null;
        if (store.Scenarios.Save(scenario) is var outcome && outcome != WriteOutcome.Done)
        {
            throw CrmCli.Refused($"the scenario could not be saved ({outcome})", outcome);
        }

        var saved = ScenarioDto.From(store.Scenarios.Find(scenario.Name) ?? scenario);
        if (parse.GetValue(_json))
        {
            CrmCli.Json(context, saved);
        }
        else
        {
            context.Console.MarkupLine($"[green]{(existed ? "Replaced" : "Saved")} scenario[/] {Markup.Escape(saved.Name)}: {Markup.Escape(ScenarioText.Rules(saved))}.");
        }

        return ExitCodes.Success;
    }
}
