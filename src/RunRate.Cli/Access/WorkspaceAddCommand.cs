using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Storage;
using Spectre.Console;

namespace RunRate.Cli.Access;

/// <summary><c>runrate workspace add KEY</c>: records a workspace (a company's books) and creates its empty ledger store.</summary>
internal sealed class WorkspaceAddCommand(CliContext context)
{
    private readonly Argument<string> _key = new("KEY") { Description = "The workspace key: a lower-case letter, then lower-case letters, digits or hyphens (e.g. acme-eu)" };
    private readonly Option<string?> _name = new("--name") { Description = "A display name (default: the key)", HelpName = "NAME" };
    private readonly Option<string?> _db = Options.Db();

    public Command Build()
    {
        var command = new Command("add", "Add a workspace (a company's separate books)") { _key, _name, _db };
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var key = parse.GetValue(_key)?.Trim() ?? "";
        if (!Storage.Workspaces.Workspace.IsValid(key))
        {
            throw new CliException($"KEY: '{key}' is not a workspace key: use a lower-case letter followed by up to 39 lower-case letters, digits or hyphens (for example acme or acme-eu)", ExitCodes.InvalidData);
        }

        var name = parse.GetValue(_name) ?? key;
        var location = LedgerAccess.ResolveDb(context, parse.GetValue(_db));
        using var store = AccessCli.Open(context, parse.GetValue(_db), create: true);
        var outcome = AccessCli.Checked(() => store.AddWorkspace(key, name), "--name");
        if (outcome == WriteOutcome.AlreadyExists)
        {
            throw new CliException($"KEY: the workspace '{key}' already exists (runrate workspace list shows them)", ExitCodes.InvalidData);
        }

        // The workspace's own ledger store, so reports and the dashboard can open it at once.
        try
        {
            using var ledger = StoreFactory.Open(location, create: true, workspace: key, clock: context.Clock);
        }
        catch (StoreException ex)
        {
            throw new CliException($"the workspace '{key}' is recorded but its ledger store could not be created: {ex.Message}", ExitCodes.StoreError);
        }

        context.Console.MarkupLine($"[green]Added[/] workspace {Markup.Escape(key)} ({Markup.Escape(name.Trim())}). Give users a role in it: runrate user role NAME --workspace {Markup.Escape(key)} --role viewer");
        return ExitCodes.Success;
    }
}
