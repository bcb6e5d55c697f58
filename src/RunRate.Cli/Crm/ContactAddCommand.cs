using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Ingest.Crm;
using RunRate.Ingest.Validation;
using RunRate.Storage;
using RunRate.Web.Crm;
using Spectre.Console;

namespace RunRate.Cli.Crm;

/// <summary><c>runrate contact add</c>: adds a person to an account, by the same rules as <c>POST /api/contacts</c>.</summary>
internal sealed class ContactAddCommand(CliContext context)
{
    private static readonly Dictionary<string, string> OptionOf = new(StringComparer.Ordinal)
    {
        ["account_id"] = "--account", ["name"] = "--name", ["email"] = "--email", ["phone"] = "--phone", ["role"] = "--role",
    };

    private readonly Option<string> _account = new("--account") { Description = "The account (customer id) the person works for", HelpName = "ID", Required = true };
    private readonly Option<string> _name = new("--name") { Description = "Full name", HelpName = "NAME", Required = true };
    private readonly Option<string?> _email = new("--email") { Description = "E-mail address (stored lower-cased; captured mail is matched on it)", HelpName = "EMAIL" };
    private readonly Option<string?> _phone = new("--phone") { Description = "Phone number", HelpName = "PHONE" };
    private readonly Option<string?> _role = new("--role") { Description = "Job role, e.g. CFO or champion", HelpName = "ROLE" };
    private readonly Option<string?> _db = Options.Db();
    private readonly Option<bool> _json = new("--json") { Description = "Print the new contact as JSON" };

    public Command Build()
    {
        var command = new Command("add", "Add a contact to an account") { _account, _name, _email, _phone, _role, _db, _json };
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var account = parse.GetRequiredValue(_account);
        using var store = CrmCli.Open(context, parse.GetValue(_db));
        CrmCli.RequireAccount(store, account);
        var (contact, outcome) = CrmRequests.Create(
            null,
            NewIds.Contact,
            id =>
            {
                var problems = new List<FieldProblem>();
                var valid = ContactRules.Validate(new ContactFields(id, account, parse.GetValue(_name), parse.GetValue(_email), parse.GetValue(_phone), parse.GetValue(_role)), _ => true, problems);
                CrmCli.ThrowIfAny(problems, OptionOf);
                return valid!;
            },
            c => store.Crm.SaveContact(c, WriteMode.Create));
        switch (outcome)
        {
            case WriteOutcome.Done:
                break;
            case WriteOutcome.Conflict:
                throw CrmCli.Refused($"--email: another contact already has the e-mail address '{contact.Email}'", outcome);
            default:
                throw CrmCli.Refused($"--account: the contact could not be added ({outcome}); is customer '{account}' still stored?", outcome);
        }

        if (parse.GetValue(_json))
        {
            CrmCli.Json(context, CrmCli.View(store).Contact(contact));
        }
        else
        {
            var email = contact.Email is null ? "" : $" <{contact.Email}>";
            context.Console.MarkupLine($"[green]Added[/] contact {Markup.Escape(contact.Id.Value)}: {Markup.Escape(contact.Name + email)} at {Markup.Escape(contact.AccountId.Value)}.");
        }

        return ExitCodes.Success;
    }
}
