using System.CommandLine;
using RunRate.Cli.Common;
using Spectre.Console;

namespace RunRate.Cli.Access;

/// <summary><c>runrate workspace list</c>: every workspace, by key.</summary>
internal sealed class WorkspaceListCommand(CliContext context)
{
    private readonly Option<string?> _db = Options.Db();
    private readonly Option<bool> _json = Options.Json();

    public Command Build()
    {
        var command = new Command("list", "List the workspaces") { _db, _json };
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        using var store = AccessCli.Open(context, parse.GetValue(_db), create: false);
        var workspaces = store.Workspaces();
        if (parse.GetValue(_json))
        {
            AccessCli.Json(context, new { workspaces = workspaces.Select(w => new { key = w.Key, name = w.Name, created = AccessCli.Iso(w.Created) }) });
            return ExitCodes.Success;
        }

        var table = new Table().RoundedBorder().Title($"Workspaces, {Format.Count(workspaces.Count)}").AddColumns("Key", "Name", "Created (UTC)");
        foreach (var w in workspaces)
        {
            table.AddRow(Markup.Escape(w.Key), Markup.Escape(w.Name), AccessCli.Time(w.Created));
        }

        context.Console.Write(table);
        return ExitCodes.Success;
    }
}
