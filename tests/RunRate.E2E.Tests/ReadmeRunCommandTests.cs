using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using RunRate.Cli;
using RunRate.Cli.Common;
using RunRate.E2E.Tests.Support;
using RunRate.Testing;
using Spectre.Console.Testing;

namespace RunRate.E2E.Tests;

/// <summary>
/// The README's run command exactly as a new user types it (<c>./runrate serve --demo</c>, through
/// the launcher script and the built CLI), checked in the browser against the CLI's own figures. On the PostgreSQL
/// pass the store comes from <c>RUNRATE_DB</c>, as a user of a server would set it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReadmeRunCommandTests(BrowserFixture browser)
{
    [Fact]
    public async Task Runrate_serve_demo_shows_the_demo_arr_that_the_cli_reports()
    {
        var folder = Directory.CreateTempSubdirectory("runrate-serve-");
        var db = TestStores.NewLocation(folder.FullName); // SQLite: ./runrate.db, the default the README relies on
        var port = FreePort();
        var launcher = Path.Combine(BrowserFixture.RepositoryRoot(), "runrate");
        var start = new ProcessStartInfo(launcher, ["serve", "--demo", "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = folder.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (TestStores.OnPostgres)
        {
            start.Environment["RUNRATE_DB"] = db;
        }

        using var server = Process.Start(start)!;
        try
        {
            var serving = await WaitForLineAsync(server, "is serving", TimeSpan.FromMinutes(4));
            Assert.True(serving.Contains($"http://127.0.0.1:{port}", StringComparison.Ordinal), $"unexpected start-up line: {serving}");

            var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
            var page = await context.NewPageAsync();
            await page.GotoAsync($"http://127.0.0.1:{port}/");
            await page.WaitForSelectorAsync("main#main[data-state='ready']", new() { Timeout = 20_000 });
            var shown = decimal.Parse(await page.Locator("[data-kpi='arr']").GetAttributeAsync("data-value") ?? "", CultureInfo.InvariantCulture);
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "readme-serve-demo.png"), FullPage = true });

            var output = new StringWriter();
            var cli = new CliContext(new TestConsole(), output, TimeProvider.System, _ => null, new TestConsole());
            Assert.Equal(0, CliApp.Run(cli, ["summary", "--db", db, "--json"], new StringWriter()));
            var arr = JsonDocument.Parse(output.ToString()).RootElement.GetProperty("summary").GetProperty("arr").GetDecimal();

            Assert.True(arr > 0);
            Assert.Equal(arr, shown);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TestStores.Drop(db);
            folder.Delete(recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> WaitForLineAsync(Process process, string marker, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var seen = new List<string>();
        while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
        {
            seen.Add(line);
            if (line.Contains(marker, StringComparison.Ordinal))
            {
                return line;
            }
        }

        var errors = await process.StandardError.ReadToEndAsync(CancellationToken.None);
        throw new InvalidOperationException($"runrate serve ended before '{marker}':\n{string.Join('\n', seen)}\n{errors}");
    }
}
