using System.CommandLine;
using System.Globalization;
using RunRate.Cli.Common;
using RunRate.Reporting.Common;
using RunRate.Web.Crm;
using Spectre.Console;

namespace RunRate.Cli.Crm;

/// <summary><c>runrate deals</c>: the pipeline's deals in board order, as <c>GET /api/deals</c>.</summary>
internal sealed class DealsCommand(CliContext context)
{
    private readonly Option<string?> _stage = new("--stage") { Description = "Only deals in this stage (a stage key such as proposal)", HelpName = "STAGE" };
    private readonly Option<string?> _owner = new("--owner") { Description = "Only deals of this owner (ignoring case)", HelpName = "OWNER" };
    private readonly Option<string?> _db = Options.Db();
    private readonly Option<bool> _json = Options.Json();
    private readonly Option<bool> _csv = Options.Csv();

    public Command Build()
    {
        var command = new Command("deals", "List deals in board order (stage, expected close) with ARR, kind, owner and channel") { _stage, _owner, _db };
        Options.AddFormats(command, _json, _csv);
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var stage = CrmCli.Trimmed(parse.GetValue(_stage));
        using var store = CrmCli.Open(context, parse.GetValue(_db));
        var view = CrmCli.View(store);
        if (stage is not null && view.Pipeline.Find(stage) is null)
        {
            throw new CliException($"--stage: unknown stage '{stage}'; the pipeline's stages are {string.Join(", ", view.Pipeline.Stages.Select(s => s.Key))}", ExitCodes.Usage);
        }

        var deals = view.Deals(stage, CrmCli.Trimmed(parse.GetValue(_owner))).Select(view.Deal).ToList();
        if (parse.GetValue(_json))
        {
            CrmCli.Json(context, new DealsResponse(deals));
        }
        else if (parse.GetValue(_csv))
        {
            CsvText.Row(context.Output, ["deal_id", "account_id", "account_name", "title", "stage", "arr", "currency", "weighted_arr", "kind", "expected_close", "owner", "channel", "lost_reason", "created", "closed_on"]);
            foreach (var d in deals)
            {
                CsvText.Row(context.Output, [d.DealId, d.AccountId, d.AccountName, d.Title, d.Stage, d.Arr.ToString(CultureInfo.InvariantCulture), d.Currency, d.WeightedArr.ToString(CultureInfo.InvariantCulture), d.Kind, d.ExpectedClose, d.Owner, d.Channel, d.LostReason, d.Created, d.ClosedOn]);
            }
        }
        else
        {
            Table(deals);
        }

        return ExitCodes.Success;
    }

    private void Table(List<DealDto> deals)
    {
        var table = new Table().RoundedBorder().Title($"Deals, {Format.Count(deals.Count)}");
        table.AddColumns("Deal", "Account", "Title", "Stage", "ARR", "Weighted", "Kind", "Close", "Owner", "Channel");
        table.Columns[4].RightAligned();
        table.Columns[5].RightAligned();
        foreach (var d in deals)
        {
            var stage = d.Outcome switch
            {
                "won" => $"[green]{Markup.Escape(d.StageName ?? d.Stage)}[/]",
                "lost" => $"[red]{Markup.Escape(d.StageName ?? d.Stage)}[/]" + (d.LostReason is null ? "" : $" [grey]({Markup.Escape(d.LostReason)})[/]"),
                _ => Markup.Escape(d.StageName ?? d.Stage),
            };
            table.AddRow(
                Markup.Escape(d.DealId),
                Markup.Escape($"{d.AccountId} {d.AccountName}".Trim()),
                Markup.Escape(d.Title),
                stage,
                $"{CrmCli.Money(d.Arr)} {d.Currency}",
                CrmCli.Money(d.WeightedArr),
                d.Kind,
                d.ClosedOn ?? d.ExpectedClose,
                Markup.Escape(d.Owner ?? ""),
                Markup.Escape(d.Channel ?? ""));
        }

        context.Console.Write(table);
    }
}
