using System.CommandLine;
using RunRate.Cli.Common;
using RunRate.Engine.Primitives;
using RunRate.Reporting.Board;
using Spectre.Console;

namespace RunRate.Cli.Report;

/// <summary>
/// <c>runrate report</c>: the board report of one month as a workbook (.xlsx), a printable page (.html)
/// or a PDF (.pdf, the page printed by headless Chromium), chosen by the output file's extension.
/// </summary>
internal sealed class ReportCommand(CliContext context)
{
    private readonly Option<YearMonth?> _month = Options.Month("--month", "Month of the report (default: the current month)");
    private readonly Option<string> _out = new("--out")
    {
        Description = "File to write: .xlsx (workbook), .html (printable page) or .pdf (printed with headless Chromium)",
        HelpName = "FILE",
        Required = true,
    };

    private readonly Option<int> _months = new("--months")
    {
        Description = "Forecast horizon in months, 1 to 36 (default 12)",
        HelpName = "N",
        DefaultValueFactory = _ => 12,
    };

    private readonly Option<CurrencyCode> _currency = Options.Currency();
    private readonly Option<string?> _db = Options.Db();

    public Command Build()
    {
        var command = new Command("report", "Board report of a month: KPI card, 12-month bridge, cohorts, customers, forecast, unit economics, valuation and charts, as .xlsx, .html or .pdf")
        {
            _month, _out, _months, _currency, _db,
        };
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var path = parse.GetValue(_out)!;
        if (!BoardFormats.TryFromPath(path, out var format))
        {
            throw new CliException($"--out: expected a file name ending in .xlsx, .html or .pdf, found '{path}'", ExitCodes.Usage);
        }

        var months = parse.GetValue(_months);
        if (months is < 1 or > 36)
        {
            throw new CliException($"--months: expected a forecast horizon of 1 to 36 months, found {months}", ExitCodes.Usage);
        }

        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new CliException($"--out: the folder '{folder}' does not exist", ExitCodes.NotFound);
        }

        var request = new BoardRequest(parse.GetValue(_currency), parse.GetValue(_month) ?? YearMonth.Of(context.Today), months);
        var (ledger, crm) = Load(parse);
        var data = LedgerAccess.Compute(() => BoardReportBuilder.Assemble(ledger, crm, request));
        byte[] bytes;
        try
        {
            bytes = BoardFormats.Render(data, format, context.Environment);
        }
        catch (PdfUnavailableException ex)
        {
            throw new CliException("cannot write a PDF: " + ex.Message, ExitCodes.Unavailable);
        }

        try
        {
            File.WriteAllBytes(full, bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--out: cannot write '{full}': {ex.Message}", ExitCodes.Unavailable);
        }

        context.Console.MarkupLine($"Board report {request.Month} ({request.Currency}) written to [bold]{Markup.Escape(full)}[/] ({BoardFormats.Extension(format)}, {bytes.Length:#,##0} bytes).");
        return ExitCodes.Success;
    }

    private (Engine.Ledger.RevenueLedger Ledger, Engine.Crm.CrmData Crm) Load(ParseResult parse)
    {
        using var store = LedgerAccess.Open(context, parse.GetValue(_db), create: false);
        return (store.Load(), store.Crm.Load());
    }
}
