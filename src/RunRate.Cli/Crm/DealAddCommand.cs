using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Ingest.Crm;
using RunRate.Ingest.Validation;
using RunRate.Storage;
using RunRate.Web.Crm;
using Spectre.Console;

namespace RunRate.Cli.Crm;

/// <summary><c>runrate deal add</c>: puts a deal on the pipeline, by the same rules as <c>POST /api/deals</c>.</summary>
internal sealed class DealAddCommand(CliContext context)
{
    private static readonly Dictionary<string, string> OptionOf = new(StringComparer.Ordinal)
    {
        ["account_id"] = "--account", ["title"] = "--title", ["arr"] = "--arr", ["currency"] = "--currency", ["kind"] = "--kind",
        ["expected_close"] = "--close", ["stage"] = "--stage", ["owner"] = "--owner", ["channel"] = "--channel", ["lost_reason"] = "--lost-reason",
    };

    private readonly Option<string> _account = new("--account") { Description = "The account (customer id)", HelpName = "ID", Required = true };
    private readonly Option<string> _title = new("--title") { Description = "What is being sold", HelpName = "TITLE", Required = true };
    private readonly Option<string> _arr = new("--arr") { Description = "The ARR the deal adds (a decimal such as 12000.50)", HelpName = "N", Required = true };
    private readonly Option<string> _currency = new("--currency") { Description = "ISO 4217 code of the ARR", HelpName = "CCC", Required = true };
    private readonly Option<string> _kind = new("--kind") { Description = "new_business, expansion, cross_sell or renewal", HelpName = "KIND", Required = true };
    private readonly Option<string> _close = new("--close") { Description = "Expected close day", HelpName = "YYYY-MM-DD", Required = true };
    private readonly Option<string?> _stage = new("--stage") { Description = "Stage key (default: the pipeline's first open stage)", HelpName = "STAGE" };
    private readonly Option<string?> _owner = new("--owner") { Description = "Sales owner", HelpName = "OWNER" };
    private readonly Option<string?> _channel = new("--channel") { Description = "Source channel, e.g. outbound, inbound, partner", HelpName = "CHANNEL" };
    private readonly Option<string?> _lostReason = new("--lost-reason") { Description = "Why it was lost (only with the lost stage)", HelpName = "REASON" };
    private readonly Option<string?> _db = Options.Db();
    private readonly Option<bool> _json = new("--json") { Description = "Print the new deal as JSON" };

    public Command Build()
    {
        var command = new Command("add", "Add a deal to the pipeline")
        {
            _account, _title, _arr, _currency, _kind, _close, _stage, _owner, _channel, _lostReason, _db, _json,
        };
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var account = parse.GetRequiredValue(_account);
        using var store = CrmCli.Open(context, parse.GetValue(_db));
        CrmCli.RequireAccount(store, account);
        var pipeline = store.Crm.Load().Pipeline;
        var (deal, outcome) = CrmRequests.Create(
            null,
            NewIds.Deal,
            id =>
            {
                var problems = new List<FieldProblem>();
                var fields = new DealFields(
                    id, account, parse.GetValue(_title), parse.GetValue(_stage), parse.GetValue(_arr), parse.GetValue(_currency), parse.GetValue(_kind),
                    parse.GetValue(_close), parse.GetValue(_owner), parse.GetValue(_channel), parse.GetValue(_lostReason), null);
                var valid = DealRules.Validate(fields, pipeline, context.Today, _ => true, problems);
                CrmCli.ThrowIfAny(problems, OptionOf);
                return valid!;
            },
            d => store.Crm.SaveDeal(d, WriteMode.Create));
        if (outcome != WriteOutcome.Done)
        {
            throw CrmCli.Refused($"the deal could not be added ({outcome}): the account or the stage changed meanwhile", outcome);
        }

        var view = CrmCli.View(store);
        if (parse.GetValue(_json))
        {
            CrmCli.Json(context, view.Deal(deal));
        }
        else
        {
            context.Console.MarkupLine($"[green]Added[/] deal {Markup.Escape(deal.Id.Value)}: {Markup.Escape(deal.Title)}, {CrmCli.Money(deal.Arr)} {deal.Currency} ARR, stage {Markup.Escape(deal.Stage)}, closing {Format.Date(deal.ExpectedClose)}.");
        }

        return ExitCodes.Success;
    }
}
