using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Engine.Crm;
using RunRate.Ingest.Crm;
using RunRate.Ingest.Validation;
using RunRate.Storage;
using Spectre.Console;

namespace RunRate.Cli.Crm;

/// <summary>
/// <c>runrate deal move ID STAGE</c>: moves a deal on the board, by the same rules as
/// <c>POST /api/deals/{id}/stage</c> (the move is appended to its history; the stage it is in changes nothing).
/// </summary>
internal sealed class DealMoveCommand(CliContext context)
{
    private static readonly Dictionary<string, string> OptionOf = new(StringComparer.Ordinal)
    {
        ["stage"] = "STAGE", ["on"] = "--on", ["lost_reason"] = "--lost-reason",
    };

    private readonly Argument<string> _id = new("ID") { Description = "The deal id" };
    private readonly Argument<string> _stage = new("STAGE") { Description = "The stage key to move it to, e.g. proposal, won or lost" };
    private readonly Option<string?> _on = new("--on") { Description = "The day it entered the stage (default: today)", HelpName = "YYYY-MM-DD" };
    private readonly Option<string?> _lostReason = new("--lost-reason") { Description = "Why it was lost (required for the lost stage)", HelpName = "REASON" };
    private readonly Option<string?> _db = Options.Db();
    private readonly Option<bool> _json = new("--json") { Description = "Print the deal as JSON" };

    public Command Build()
    {
        var command = new Command("move", "Move a deal to another stage of the pipeline") { _id, _stage, _on, _lostReason, _db, _json };
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var id = parse.GetRequiredValue(_id);
        using var store = CrmCli.Open(context, parse.GetValue(_db));
        var deal = store.Crm.FindDeal(new DealId(id)) ?? throw new CliException($"no deal with id '{id}' in the store", ExitCodes.NotFound);
        var pipeline = store.Crm.Load().Pipeline;
        var problems = new List<FieldProblem>();
        var moved = DealRules.Move(deal, pipeline, parse.GetRequiredValue(_stage), parse.GetValue(_on), parse.GetValue(_lostReason), context.Today, problems);
        CrmCli.ThrowIfAny(problems, OptionOf);
        var changed = !ReferenceEquals(moved, deal);
        if (changed && store.Crm.SaveDeal(moved!, WriteMode.Replace) is var outcome && outcome != WriteOutcome.Done)
        {
            throw CrmCli.Refused($"the deal could not be moved ({outcome}): it or the pipeline changed meanwhile", outcome);
        }

        if (parse.GetValue(_json))
        {
            CrmCli.Json(context, CrmCli.View(store).Deal(moved!));
            return ExitCodes.Success;
        }

        var stage = pipeline.Find(moved!.Stage)!;
        if (!changed)
        {
            context.Console.MarkupLine($"Deal {Markup.Escape(id)} is already in {Markup.Escape(stage.Name)}; nothing changed.");
        }
        else
        {
            context.Console.MarkupLine($"[green]Moved[/] deal {Markup.Escape(id)} to {Markup.Escape(stage.Name)} on {Format.Date(moved.History[^1].On)}.");
            if (stage.Outcome == StageOutcome.Won)
            {
                context.Console.MarkupLine($"[grey]Its ARR reaches the ledger with its lines: GET /api/deals/{Markup.Escape(id)}/proposed-lines, then POST them to /api/deals/{Markup.Escape(id)}/lines (or the dashboard's deal page).[/]");
            }
        }

        return ExitCodes.Success;
    }
}
