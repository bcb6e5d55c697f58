using System.Text.Json;
using ClosedXML.Excel;
using RunRate.Cli.Tests.Support;
using Shouldly;

namespace RunRate.Cli.Tests.Report;

/// <summary>
/// One store holding the random-small sample, its board report for 2025-06 written once as .xlsx and
/// .html by the real <c>runrate report</c>, and the CLI's JSON reports of the same month to compare with.
/// </summary>
public sealed class BoardFixture : IDisposable
{
    public const string Month = "2025-06";
    public const string From = "2024-07";

    private readonly CliHarness _cli = new();

    public BoardFixture()
    {
        _cli.Run("import", Samples.Folder("random-small")).ExitCode.ShouldBe(0);
        XlsxPath = Path.Combine(_cli.Folder, "board.xlsx");
        HtmlPath = Path.Combine(_cli.Folder, "board.html");
        var xlsx = _cli.Run("report", "--month", Month, "--out", XlsxPath);
        xlsx.ExitCode.ShouldBe(0, xlsx.Errors);
        _cli.Run("report", "--month", Month, "--out", HtmlPath).ExitCode.ShouldBe(0);
        Workbook = new XLWorkbook(XlsxPath);
        Html = File.ReadAllText(HtmlPath);
    }

    internal CliHarness Cli => _cli;

    public string XlsxPath { get; }

    public string HtmlPath { get; }

    public XLWorkbook Workbook { get; }

    public string Html { get; }

    /// <summary>The JSON a CLI command prints for the same store.</summary>
    public JsonElement Json(params string[] args)
    {
        var result = _cli.Run([.. args, "--json"]);
        result.ExitCode.ShouldBe(0, result.Errors);
        return result.Json;
    }

    public void Dispose()
    {
        Workbook.Dispose();
        _cli.Dispose();
    }
}
