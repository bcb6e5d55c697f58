using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Reporting.Common;
using RunRate.Web.Crm;
using Spectre.Console;

namespace RunRate.Cli.Crm;

/// <summary><c>runrate contacts</c>: the people at accounts, as <c>GET /api/contacts</c>.</summary>
internal sealed class ContactsCommand(CliContext context)
{
    private readonly Option<string?> _account = new("--account") { Description = "Only contacts of this account (customer id)", HelpName = "ID" };
    private readonly Option<string?> _db = Options.Db();
    private readonly Option<bool> _json = Options.Json();
    private readonly Option<bool> _csv = Options.Csv();

    public Command Build()
    {
        var command = new Command("contacts", "List contacts (the people at accounts), by name") { _account, _db };
        Options.AddFormats(command, _json, _csv);
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var account = CrmCli.Trimmed(parse.GetValue(_account));
        using var store = CrmCli.Open(context, parse.GetValue(_db));
        CrmCli.RequireAccount(store, account);
        var view = CrmCli.View(store);
        var contacts = view.Contacts(account, null).Select(view.Contact).ToList();
        if (parse.GetValue(_json))
        {
            CrmCli.Json(context, new ContactsResponse(contacts));
        }
        else if (parse.GetValue(_csv))
        {
            CsvText.Row(context.Output, ["contact_id", "account_id", "account_name", "name", "email", "phone", "role"]);
            foreach (var c in contacts)
            {
                CsvText.Row(context.Output, [c.ContactId, c.AccountId, c.AccountName, c.Name, c.Email, c.Phone, c.Role]);
            }
        }
        else
        {
            var table = new Table().RoundedBorder().Title($"Contacts{(account is null ? "" : " of " + Markup.Escape(account))}, {Format.Count(contacts.Count)}");
            table.AddColumns("Contact", "Name", "E-mail", "Phone", "Role", "Account");
            foreach (var c in contacts)
            {
                table.AddRow(Markup.Escape(c.ContactId), Markup.Escape(c.Name), Markup.Escape(c.Email ?? ""), Markup.Escape(c.Phone ?? ""), Markup.Escape(c.Role ?? ""), Markup.Escape($"{c.AccountId} {c.AccountName}".Trim()));
            }

            context.Console.Write(table);
        }

        return ExitCodes.Success;
    }
}
