using RunRate.Cli.Tests.Support;
using Shouldly;

namespace RunRate.Cli.Tests.Report;

/// <summary><c>runrate report</c>: the PDF, and every way the command refuses bad input.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public ReportCommandTests() => _cli.Run("import", Samples.Folder("random-small")).ExitCode.ShouldBe(0);

    [Fact]
    public void Pdf_is_the_page_printed_by_headless_chromium()
    {
        if (!File.Exists("/usr/bin/chromium") && !OnPath("chromium"))
        {
            return; // test.sh installs Debian's chromium; without it this machine cannot print (the next test covers the error)
        }

        var path = Path.Combine(_cli.Folder, "board.pdf");
        var result = _cli.Run("report", "--month", "2025-06", "--out", path);

        result.ExitCode.ShouldBe(0, result.Errors);
        var bytes = File.ReadAllBytes(path);
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        bytes.Length.ShouldBeGreaterThan(50_000);
        result.Console.ShouldContain("board.pdf");
    }

    [Fact]
    public void Pdf_without_a_browser_is_a_clear_error_with_exit_code_5_and_no_file()
    {
        _cli.Environment["RUNRATE_CHROMIUM"] = Path.Combine(_cli.Folder, "no-such-chromium");
        var path = Path.Combine(_cli.Folder, "board.pdf");

        var result = _cli.Run("report", "--month", "2025-06", "--out", path);

        result.ExitCode.ShouldBe(5);
        result.Errors.ShouldContain("cannot write a PDF: RUNRATE_CHROMIUM names");
        result.Errors.ShouldContain(".html");
        File.Exists(path).ShouldBeFalse();
    }

    [Theory]
    [InlineData("board.txt", "--out: expected a file name ending in .xlsx, .html or .pdf, found")]
    [InlineData("board", "--out: expected a file name ending in .xlsx, .html or .pdf, found")]
    public void Out_with_an_unknown_extension_is_a_usage_error(string name, string message)
    {
        var result = _cli.Run("report", "--month", "2025-06", "--out", Path.Combine(_cli.Folder, name));

        result.ExitCode.ShouldBe(1);
        result.Errors.ShouldContain(message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("37")]
    public void Forecast_horizon_outside_1_to_36_is_a_usage_error(string months)
    {
        var result = _cli.Run("report", "--month", "2025-06", "--months", months, "--out", Path.Combine(_cli.Folder, "r.xlsx"));

        result.ExitCode.ShouldBe(1);
        result.Errors.ShouldContain($"--months: expected a forecast horizon of 1 to 36 months, found {months}");
    }

    [Fact]
    public void Out_in_a_missing_folder_is_not_found()
    {
        var result = _cli.Run("report", "--month", "2025-06", "--out", Path.Combine(_cli.Folder, "missing", "r.xlsx"));

        result.ExitCode.ShouldBe(3);
        result.Errors.ShouldContain("does not exist");
    }

    [Fact]
    public void Out_and_month_are_checked_by_the_parser()
    {
        _cli.Run("report", "--month", "2025-06").ExitCode.ShouldBe(1);
        var month = _cli.Run("report", "--month", "2025-13", "--out", Path.Combine(_cli.Folder, "r.xlsx"));
        month.ExitCode.ShouldBe(1);
        month.Errors.ShouldContain("--month: expected a month YYYY-MM, found '2025-13'");
    }

    [Fact]
    public void A_missing_exchange_rate_is_invalid_data_naming_the_line()
    {
        var result = _cli.Run("report", "--month", "2025-06", "--currency", "JPY", "--out", Path.Combine(_cli.Folder, "r.xlsx"));

        result.ExitCode.ShouldBe(2);
        result.Errors.ShouldContain("cannot convert to the reporting currency");
    }

    [Fact]
    public void Default_month_is_the_current_month_of_the_clock()
    {
        var path = Path.Combine(_cli.Folder, "r.xlsx");
        _cli.Run("report", "--out", path).ExitCode.ShouldBe(0);
        using var workbook = new ClosedXML.Excel.XLWorkbook(path);
        workbook.Worksheet("Summary").Cell(2, 2).GetString().ShouldBe("2026-01");
    }

    public void Dispose() => _cli.Dispose();

    private static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, name)));
}
