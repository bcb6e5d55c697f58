using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Engine.Crm;
using RunRate.Engine.Ledger;
using RunRate.Ingest.Crm;
using RunRate.Ingest.Validation;
using RunRate.Storage;
using Spectre.Console;

namespace RunRate.Cli.Crm;

/// <summary>
/// <c>runrate deal lines ID [--create]</c>: shows the ledger line a won deal proposes and, when confirmed with
/// <c>--create</c> (optionally edited by the options), writes it through the same rules and transaction as
/// <c>POST /api/deals/{id}/lines</c>, so the deal's ARR reaches the ledger.
/// </summary>
internal sealed class DealLinesCommand(CliContext context)
{
    private static readonly Dictionary<string, string> OptionOf = new(StringComparer.Ordinal)
    {
        ["stage"] = "ID", ["line_id"] = "--line-id", ["product"] = "--product", ["start_date"] = "--start",
        ["amount"] = "--amount", ["quantity"] = "--quantity", ["interval_months"] = "--interval", ["kind"] = "--kind",
    };

    private readonly Argument<string> _id = new("ID") { Description = "The won deal" };
    private readonly Option<bool> _create = new("--create") { Description = "Write the line (without it, only show the proposal)" };
    private readonly Option<string?> _lineId = new("--line-id") { Description = "Line id (default: DEAL-1, the first free)", HelpName = "ID" };
    private readonly Option<string?> _kind = new("--kind") { Description = "subscription or addon (default: addon for a cross-sell)", HelpName = "KIND" };
    private readonly Option<string?> _product = new("--product") { Description = "Product (default: the deal's title)", HelpName = "NAME" };
    private readonly Option<string?> _start = new("--start") { Description = "First day of service (default: the close day)", HelpName = "YYYY-MM-DD" };
    private readonly Option<string?> _amount = new("--amount") { Description = "Price of one unit for one interval (default: ARR × interval ÷ 12 ÷ quantity)", HelpName = "AMOUNT" };
    private readonly Option<string?> _quantity = new("--quantity") { Description = "Units (default 1)", HelpName = "N" };
    private readonly Option<string?> _interval = new("--interval") { Description = "Billing interval in months (default 12)", HelpName = "MONTHS" };
    private readonly Option<string?> _db = Options.Db();

    public Command Build()
    {
        var command = new Command("lines", "Show the ledger line a won deal proposes; --create writes it so the deal's ARR reaches the ledger")
        {
            _id, _create, _lineId, _kind, _product, _start, _amount, _quantity, _interval, _db,
        };
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
        var proposed = DealLines.Propose(deal, pipeline, line => store.FindLine(new Engine.Primitives.LineId(line)) is not null, problems);
        CrmCli.ThrowIfAny(problems, OptionOf);
        var fields = Edited(proposed!, parse);
        var amountGiven = parse.GetValue(_amount) is not null;
        if (!amountGiven && (parse.GetValue(_quantity) is not null || parse.GetValue(_interval) is not null)
            && decimal.TryParse(fields.Quantity, System.Globalization.CultureInfo.InvariantCulture, out var quantity) && quantity > 0
            && int.TryParse(fields.IntervalMonths, System.Globalization.CultureInfo.InvariantCulture, out var interval) && interval > 0)
        {
            // Keep the deal's ARR when seats or the interval change and no price was given.
            fields = fields with { Amount = (deal.Arr * interval / 12m / quantity).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }

        var line = LineRules.Validate(fields, account => store.FindCustomer(new Engine.Primitives.CustomerId(account)) is not null, problems);
        CrmCli.ThrowIfAny(problems, OptionOf);
        if (!parse.GetValue(_create))
        {
            Show(line!, "Proposed line (run again with --create to write it)");
            return ExitCodes.Success;
        }

        if (store.Crm.DealLines(deal.Id) is { Count: > 0 } existing && parse.GetValue(_lineId) is null)
        {
            throw new CliException($"deal {id} already created {string.Join(", ", existing)}; to add another line to it, name it with --line-id", ExitCodes.InvalidData);
        }

        DealLines.Check(deal, pipeline, [line!], problems);
        CrmCli.ThrowIfAny(problems, OptionOf);
        var outcome = store.Crm.AddDealLines(deal.Id, [line!]);
        if (outcome != WriteOutcome.Done)
        {
            throw CrmCli.Refused(outcome == WriteOutcome.AlreadyExists ? $"--line-id: a line with id '{line!.Id}' already exists" : $"the line could not be written ({outcome})", outcome);
        }

        Show(line!, "[green]Created[/] line");
        return ExitCodes.Success;
    }

    private LineFields Edited(LineFields proposed, ParseResult parse) => proposed with
    {
        LineId = parse.GetValue(_lineId) ?? proposed.LineId,
        Kind = parse.GetValue(_kind) ?? proposed.Kind,
        Product = parse.GetValue(_product) ?? proposed.Product,
        StartDate = parse.GetValue(_start) ?? proposed.StartDate,
        Amount = parse.GetValue(_amount) ?? proposed.Amount,
        Quantity = parse.GetValue(_quantity) ?? proposed.Quantity,
        IntervalMonths = parse.GetValue(_interval) ?? proposed.IntervalMonths,
    };

    private void Show(RevenueLine line, string title)
    {
        context.Console.MarkupLine(title + ":");
        var table = new Table().RoundedBorder().AddColumn("line_id").AddColumn("customer_id").AddColumn("kind").AddColumn("product").AddColumn("start_date")
            .AddColumn(new TableColumn("amount").RightAligned()).AddColumn(new TableColumn("quantity").RightAligned()).AddColumn("currency").AddColumn(new TableColumn("interval").RightAligned());
        table.AddRow(
            Markup.Escape(line.Id.Value),
            Markup.Escape(line.CustomerId.Value),
            line.Kind.ToLedgerText(),
            Markup.Escape(line.Product ?? ""),
            Format.Date(line.Start),
            line.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            line.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture),
            line.Currency.Value,
            (line.IntervalMonths ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture));
        context.Console.Write(table);
    }
}
