using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Ingest.Crm;
using RunRate.Ingest.Validation;
using RunRate.Storage;
using RunRate.Web.Crm;
using Spectre.Console;

namespace RunRate.Cli.Crm;

/// <summary><c>runrate target set</c>: sets an owner's booking target for a month or a quarter, as <c>PUT /api/targets</c>.</summary>
internal sealed class TargetSetCommand(CliContext context)
{
    private static readonly Dictionary<string, string> OptionOf = new(StringComparer.Ordinal)
    {
        ["owner"] = "--owner", ["period"] = "--period", ["arr"] = "--arr", ["currency"] = "--currency",
    };

    private readonly Option<string> _owner = new("--owner") { Description = "The sales owner", HelpName = "OWNER", Required = true };
    private readonly Option<string> _period = new("--period") { Description = "A month YYYY-MM or a quarter YYYY-Qn", HelpName = "PERIOD", Required = true };
    private readonly Option<string> _arr = new("--arr") { Description = "ARR to win in the period", HelpName = "N", Required = true };
    private readonly Option<string> _currency = new("--currency") { Description = "ISO 4217 code of the target", HelpName = "CCC", Required = true };
    private readonly Option<string?> _db = Options.Db();
    private readonly Option<bool> _json = new("--json") { Description = "Print the target as JSON" };

    public Command Build()
    {
        var command = new Command("set", "Set (create or replace) an owner's target for a month or a quarter") { _owner, _period, _arr, _currency, _db, _json };
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var problems = new List<FieldProblem>();
        var target = TargetRules.Validate(new TargetFields(parse.GetValue(_owner), parse.GetValue(_period), parse.GetValue(_arr), parse.GetValue(_currency)), problems);
        CrmCli.ThrowIfAny(problems, OptionOf);
        using var store = CrmCli.Open(context, parse.GetValue(_db));
        if (store.Crm.SaveTarget(target!) is var outcome && outcome != WriteOutcome.Done)
        {
            throw CrmCli.Refused($"the target could not be saved ({outcome})", outcome);
        }

        if (parse.GetValue(_json))
        {
            CrmCli.Json(context, CrmView.Target(target!));
        }
        else
        {
            context.Console.MarkupLine($"[green]Target set:[/] {Markup.Escape(target!.Owner)}, {target.Period}: {CrmCli.Money(target.Arr)} {target.Currency} ARR.");
        }

        return ExitCodes.Success;
    }
}
