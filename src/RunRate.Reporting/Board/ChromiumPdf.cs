using System.Diagnostics;

namespace RunRate.Reporting.Board;

/// <summary>
/// Prints HTML to PDF with a headless Chromium (Debian's <c>chromium</c> package), the browser the
/// end-to-end tests already use: the PDF is exactly the printable HTML, print CSS included.
/// </summary>
public static class ChromiumPdf
{
    /// <summary>An environment variable naming the browser binary, when it is not on PATH.</summary>
    public const string EnvironmentVariable = "RUNRATE_CHROMIUM";

    /// <summary>Where Debian installs it.</summary>
    public const string DebianPath = "/usr/bin/chromium";

    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>How long one print may take before it is abandoned.</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// The browser to print with: <c>RUNRATE_CHROMIUM</c> when set, else the first of chromium,
    /// chromium-browser, google-chrome on PATH, else /usr/bin/chromium; throws
    /// <see cref="PdfUnavailableException"/> saying what to install when there is none.
    /// </summary>
    public static string Locate(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var configured = environment(EnvironmentVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new PdfUnavailableException($"{EnvironmentVariable} names '{configured}', which does not exist; point it at a Chromium binary, or write the report as .html and print it from a browser.");
        }

        var path = environment("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in Names)
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return File.Exists(DebianPath)
            ? DebianPath
            : throw new PdfUnavailableException($"a PDF is printed by headless Chromium, and none was found (chromium, chromium-browser or google-chrome on PATH, or {DebianPath}); install it (Debian: apt-get install chromium), set {EnvironmentVariable}, or write the report as .html and print it from a browser.");
    }

    /// <summary>Prints <paramref name="html"/> with the browser at <paramref name="chromium"/> and returns the PDF's bytes.</summary>
    public static byte[] Print(string html, string chromium)
    {
        ArgumentNullException.ThrowIfNull(html);
        var work = Directory.CreateTempSubdirectory("runrate-pdf-");
        try
        {
            var page = Path.Combine(work.FullName, "report.html");
            var pdf = Path.Combine(work.FullName, "report.pdf");
            File.WriteAllText(page, html);
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions",
                "--no-pdf-header-footer", "--user-data-dir=" + Path.Combine(work.FullName, "profile"), "--print-to-pdf=" + pdf,
                new Uri(page).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new PdfUnavailableException($"could not start {chromium}");
            var errors = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new PdfUnavailableException($"{chromium} did not print the report within {Timeout.TotalSeconds} seconds");
            }

            return File.Exists(pdf) && new FileInfo(pdf).Length > 0
                ? File.ReadAllBytes(pdf)
                : throw new PdfUnavailableException($"{chromium} exited with code {process.ExitCode} without writing a PDF: {Tail(errors.Result)}");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new PdfUnavailableException($"could not start {chromium}: {ex.Message}");
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A browser helper still holding its profile: the temporary folder is left for the OS to clean.
            }
        }
    }

    private static string Tail(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(no message)" : string.Join(" / ", lines.TakeLast(3));
    }
}

/// <summary>A PDF cannot be made here: no browser, or the browser failed. The message says what to do.</summary>
public sealed class PdfUnavailableException(string message) : Exception(message);
