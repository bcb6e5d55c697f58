using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using RunRate.Cli;
using RunRate.Cli.Common;
using RunRate.Ingest;
using RunRate.Ingest.Csv;
using RunRate.Ingest.Demo;
using RunRate.Storage;
using RunRate.Testing;
using RunRate.Web;
using Spectre.Console.Testing;

namespace RunRate.E2E.Tests.Support;

/// <summary>
/// The real server (Kestrel on 127.0.0.1, a free port) over a real store (a SQLite file, or a PostgreSQL database under
/// <c>RUNRATE_TEST_STORE=postgres</c>) holding the demo
/// ledger and its CRM records (as of 2026-10-31), serving the dashboard's files from the source tree.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    public static readonly DateOnly AsOf = new(2026, 10, 31);

    private readonly DirectoryInfo _folder;
    private readonly WebApplication _app;

    private DashboardServer(DirectoryInfo folder, string db, WebApplication app, string address)
    {
        _folder = folder;
        Db = db;
        _app = app;
        Address = address;
    }

    public string Address { get; }

    public string Db { get; }

    /// <summary>The demo ledger's CSV folder the store was imported from (customers, lines, fx and costs).</summary>
    public string LedgerFolder => Path.Combine(_folder.FullName, "ledger");

    public static async Task<DashboardServer> StartAsync(int customers = 300, bool open = true)
    {
        var folder = Directory.CreateTempSubdirectory("runrate-e2e-");
        var db = TestStores.NewLocation(folder.FullName);
        var demo = DemoLedgerGenerator.Generate(new DemoOptions(customers, 42, AsOf));
        var ledgerFolder = Path.Combine(folder.FullName, "ledger");
        LedgerCsvWriter.WriteFolder(ledgerFolder, demo.Customers, demo.Lines, demo.Fx, demo.Costs);
        using (var store = StoreFactory.Open(db, create: true))
        {
            var errors = new LedgerErrors();
            var result = LedgerImport.Run(LedgerSource.FromFolder(ledgerFolder, errors)!, store, replace: true, errors);
            Assert.True(result.Succeeded, string.Join('\n', errors.Items));
            // The demo's CRM side too (like serve --demo), so the CRM pages show a working pipeline.
            Assert.Equal(WriteOutcome.Done, store.Crm.ReplaceAll(DemoCrm.Generate(DemoLedgerGenerator.Generate(new DemoOptions(customers, 42, AsOf)))));
        }

        var app = RunRateWebApp.Build([], new WebOptions
        {
            StorePath = db,
            Urls = ["http://127.0.0.1:0"],
            Open = open, // the dashboard suites test the pages; LoginTests signs in
            WebRoot = Path.Combine(BrowserFixture.RepositoryRoot(), "src", "RunRate.Web", "wwwroot"),
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new DashboardServer(folder, db, app, address);
    }

    /// <summary>The CLI's <c>--json</c> answer for the same store, run in-process.</summary>
    public JsonElement Cli(params string[] args)
    {
        var output = new StringWriter();
        var context = new CliContext(new TestConsole(), output, TimeProvider.System, _ => null, new TestConsole());
        var exit = CliApp.Run(context, [.. args, "--db", Db, "--json"], new StringWriter());
        Assert.Equal(0, exit);
        return JsonDocument.Parse(output.ToString()).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestStores.Drop(Db);
        _folder.Delete(recursive: true);
    }
}
