using System.Text;

namespace RunRate.Reporting.Board;

/// <summary>The files a board report can be written as.</summary>
public enum BoardFormat
{
    Xlsx,
    Html,
    Pdf,
}

/// <summary>Names, extensions and media types of the formats, and one call that renders any of them.</summary>
public static class BoardFormats
{
    /// <summary>The names the API's <c>format</c> parameter accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["xlsx", "html", "pdf"];

    /// <summary>The format a file name's extension asks for (<c>.xlsx</c>, <c>.html</c> or <c>.htm</c>, <c>.pdf</c>; any letter case).</summary>
    public static bool TryFromPath(string path, out BoardFormat format)
    {
        var extension = Path.GetExtension(path).ToUpperInvariant();
        (var known, format) = extension switch
        {
            ".XLSX" => (true, BoardFormat.Xlsx),
            ".HTML" or ".HTM" => (true, BoardFormat.Html),
            ".PDF" => (true, BoardFormat.Pdf),
            _ => (false, BoardFormat.Xlsx),
        };
        return known;
    }

    /// <summary>The format of an API name (<c>xlsx</c>, <c>html</c>, <c>pdf</c>).</summary>
    public static bool TryParse(string? name, out BoardFormat format) => TryFromPath("report." + name, out format) && !string.Equals(name, "htm", StringComparison.OrdinalIgnoreCase);

    public static string Extension(BoardFormat format) => format switch
    {
        BoardFormat.Xlsx => "xlsx",
        BoardFormat.Html => "html",
        _ => "pdf",
    };

    public static string ContentType(BoardFormat format) => format switch
    {
        BoardFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        BoardFormat.Html => "text/html; charset=utf-8",
        _ => "application/pdf",
    };

    /// <summary>
    /// The report's bytes in <paramref name="format"/>. A PDF is the HTML printed by headless Chromium
    /// (<see cref="ChromiumPdf"/>); <paramref name="environment"/> supplies <c>RUNRATE_CHROMIUM</c> and <c>PATH</c>.
    /// </summary>
    public static byte[] Render(BoardReportData data, BoardFormat format, Func<string, string?> environment) => format switch
    {
        BoardFormat.Xlsx => XlsxBoardWriter.ToBytes(data),
        BoardFormat.Html => Encoding.UTF8.GetBytes(HtmlBoardWriter.ToText(data)),
        _ => ChromiumPdf.Print(HtmlBoardWriter.ToText(data), ChromiumPdf.Locate(environment)),
    };
}
