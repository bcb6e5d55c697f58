using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Engine.Crm;
using RunRate.Ingest.Crm;
using RunRate.Ingest.Validation;
using RunRate.Storage;
using RunRate.Web.Crm;
using Spectre.Console;

namespace RunRate.Cli.Crm;

/// <summary><c>runrate activity add</c>: logs a call, meeting, note or e-mail, by the same rules as <c>POST /api/activities</c>.</summary>
internal sealed class ActivityAddCommand(CliContext context)
{
    private static readonly Dictionary<string, string> OptionOf = new(StringComparer.Ordinal)
    {
        ["account_id"] = "--account", ["kind"] = "--kind", ["subject"] = "--subject", ["at"] = "--at", ["contact_id"] = "--contact", ["deal_id"] = "--deal",
    };

    private readonly Option<string> _account = new("--account") { Description = "The account (customer id)", HelpName = "ID", Required = true };
    private readonly Option<string> _kind = new("--kind") { Description = "email, call, meeting or note", HelpName = "KIND", Required = true };
    private readonly Option<string> _subject = new("--subject") { Description = "One-line summary", HelpName = "TEXT", Required = true };
    private readonly Option<string?> _body = new("--body") { Description = "Details", HelpName = "TEXT" };
    private readonly Option<string?> _at = new("--at") { Description = "When: 2026-05-04T09:30:00Z, an offset such as +02:00, or a date (default: now)", HelpName = "TIME" };
    private readonly Option<string?> _contact = new("--contact") { Description = "A contact of the account", HelpName = "ID" };
    private readonly Option<string?> _deal = new("--deal") { Description = "A deal of the account", HelpName = "ID" };
    private readonly Option<string?> _db = Options.Db();
    private readonly Option<bool> _json = new("--json") { Description = "Print the new activity as JSON" };

    public Command Build()
    {
        var command = new Command("add", "Log an activity on an account") { _account, _kind, _subject, _body, _at, _contact, _deal, _db, _json };
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var account = parse.GetRequiredValue(_account);
        using var store = CrmCli.Open(context, parse.GetValue(_db));
        CrmCli.RequireAccount(store, account);
        var lookups = new CrmLookups(_ => true, id => store.Crm.FindContact(new ContactId(id)), id => store.Crm.FindDeal(new DealId(id)));
        var (activity, outcome) = CrmRequests.Create(
            null,
            NewIds.Activity,
            id =>
            {
                var problems = new List<FieldProblem>();
                var fields = new ActivityFields(id, parse.GetValue(_kind), parse.GetValue(_at), parse.GetValue(_subject), parse.GetValue(_body), account, parse.GetValue(_contact), parse.GetValue(_deal));
                var valid = ActivityRules.Validate(fields, context.Clock.GetUtcNow(), lookups, problems);
                CrmCli.ThrowIfAny(problems, OptionOf);
                return valid!;
            },
            a => store.Crm.SaveActivity(a, WriteMode.Create));
        if (outcome != WriteOutcome.Done)
        {
            throw CrmCli.Refused($"--account: the activity could not be logged ({outcome}); is customer '{account}' still stored?", outcome);
        }

        if (parse.GetValue(_json))
        {
            CrmCli.Json(context, CrmCli.View(store).Activity(activity));
        }
        else
        {
            context.Console.MarkupLine($"[green]Logged[/] {activity.Kind.ToText()} {Markup.Escape(activity.Id.Value)} on {Markup.Escape(account)} at {CrmView.Timestamp(activity.At)}: {Markup.Escape(activity.Subject)}");
        }

        return ExitCodes.Success;
    }
}
