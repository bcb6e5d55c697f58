using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Engine.Primitives;
using RunRate.Engine.Valuation;
using RunRate.Reporting.Valuation;
using RunRate.Web.Economics;
using Spectre.Console;

namespace RunRate.Cli.Valuation;

/// <summary><c>runrate valuation</c>: 10 × ARR × growth × NRR for a month and the year before it, the sensitivity grid and the rule's limits.</summary>
internal sealed class ValuationCommand(CliContext context)
{
    private readonly Option<YearMonth?> _month = Options.Month("--month", "The month (default: the current month)");
    private readonly Option<string?> _growthStep = new("--growth-step") { Description = "Growth points between the sensitivity grid's rows (default 10)", HelpName = "POINTS" };
    private readonly Option<string?> _nrrStep = new("--nrr-step") { Description = "NRR points between the grid's columns (default 5)", HelpName = "POINTS" };
    private readonly Option<string?> _steps = new("--steps") { Description = "Steps each side of the actual growth and NRR, 0 to 10 (default 2)", HelpName = "N" };
    private readonly ReportOptions _report = new(withBreakdown: false);

    public Command Build()
    {
        var command = new Command("valuation", "Valuation by the rule of thumb 10 × ARR × growth × NRR: the month, the 12 before it, a growth × NRR sensitivity grid and the rule's limits")
        {
            _month, _growthStep, _nrrStep, _steps,
        };
        _report.AddTo(command);
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var month = parse.GetValue(_month) ?? YearMonth.Of(context.Today);
        var growthStep = CliInputs.Option(() => EconomicsInputs.GrowthStep(parse.GetValue(_growthStep)));
        var nrrStep = CliInputs.Option(() => EconomicsInputs.NrrStep(parse.GetValue(_nrrStep)));
        var steps = CliInputs.Option(() => EconomicsInputs.Steps(parse.GetValue(_steps)));
        var currency = _report.Currency(parse);
        var filter = _report.Filter(parse);
        var ledger = _report.Load(context, parse);
        var report = LedgerAccess.Compute(() => ValuationEngine.Compute(ledger, new ValuationRequest(currency, month, filter, growthStep, nrrStep, steps)));
        switch (_report.Format(parse))
        {
            case OutputFormat.Json:
                ValuationOutput.ToJson(context.Output, report);
                break;
            case OutputFormat.Csv:
                ValuationOutput.ToCsv(context.Output, report);
                break;
            default:
                Render(report);
                break;
        }

        return ExitCodes.Success;
    }

    private void Render(ValuationReport report)
    {
        var console = context.Console;
        var r = report.Request;
        console.MarkupLine($"[bold]Valuation[/] {r.Month} ({r.Currency}): 10 × ARR {Format.Money(report.Arr)} × growth {Format.Percent(report.Growth)} × NRR {Format.Percent(report.Nrr)} = [bold]{Format.Money(report.Valuation)}[/]");
        var history = new Table().RoundedBorder().Title("The year to the month").AddColumn("Month");
        foreach (var column in new[] { "ARR", "Growth YoY", "NRR", "Valuation" })
        {
            history.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var m in report.History)
        {
            history.AddRow(m.Month.ToString(), Format.Money(m.Arr), Format.Percent(m.Growth), Format.Percent(m.Nrr), Format.Money(m.Valuation));
        }

        console.Write(history);
        // Full amounts need ~17 characters a column; a narrower terminal gets compact ones (--json has every cent).
        Func<Exact, string> money = console.Profile.Width >= 16 + (report.NrrValues.Count * 18) ? Format.Money : Format.Compact;
        var grid = new Table().RoundedBorder().Title("Sensitivity: valuation by growth (rows) and NRR (columns)").AddColumn(new TableColumn("Growth \\ NRR").NoWrap());
        foreach (var nrr in report.NrrValues)
        {
            grid.AddColumn(new TableColumn(Format.Percent(nrr)).RightAligned().NoWrap());
        }

        for (var g = 0; g < report.GrowthValues.Count; g++)
        {
            grid.AddRow([Format.Percent(report.GrowthValues[g]), .. report.Sensitivity[g].Select(money)]);
        }

        console.Write(grid);
        foreach (var limit in report.Limits)
        {
            console.MarkupLine($"[yellow]Limit:[/] {Markup.Escape(limit)}");
        }
    }
}
