using RunRate.Reporting.Board;
using Shouldly;

namespace RunRate.Reporting.Tests.Board;

/// <summary>Which browser prints the PDF: RUNRATE_CHROMIUM, else PATH, else Debian's path; a clear error otherwise.</summary>
public sealed class ChromiumPdfTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("runrate-chromium-");

    [Fact]
    public void Runrate_chromium_wins_over_path()
    {
        var named = Touch("my-browser");
        Touch("chromium");

        ChromiumPdf.Locate(Env(("RUNRATE_CHROMIUM", named), ("PATH", _folder.FullName))).ShouldBe(named);
    }

    [Fact]
    public void Path_is_searched_in_order_for_the_known_names()
    {
        var second = Directory.CreateDirectory(Path.Combine(_folder.FullName, "second")).FullName;
        var chrome = Touch(Path.Combine("second", "google-chrome"));
        var path = string.Join(Path.PathSeparator, Path.Combine(_folder.FullName, "missing"), second);

        ChromiumPdf.Locate(Env(("PATH", path))).ShouldBe(chrome);
    }

    [Fact]
    public void A_runrate_chromium_that_does_not_exist_is_an_error_naming_it()
    {
        var missing = Path.Combine(_folder.FullName, "nope");

        var error = Should.Throw<PdfUnavailableException>(() => ChromiumPdf.Locate(Env(("RUNRATE_CHROMIUM", missing))));

        error.Message.ShouldContain(missing);
        error.Message.ShouldContain(".html");
    }

    [Fact]
    public void Without_any_browser_the_error_says_what_to_install()
    {
        if (File.Exists(ChromiumPdf.DebianPath))
        {
            // Debian's chromium is the last resort and is installed here: the PATH search falls back to it.
            ChromiumPdf.Locate(Env(("PATH", _folder.FullName))).ShouldBe(ChromiumPdf.DebianPath);
            return;
        }

        Should.Throw<PdfUnavailableException>(() => ChromiumPdf.Locate(Env(("PATH", _folder.FullName)))).Message.ShouldContain("apt-get install chromium");
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private string Touch(string name)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, "");
        return path;
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;
}
