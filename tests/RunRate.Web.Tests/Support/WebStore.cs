extern alias cli;

using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RunRate.Ingest;
using RunRate.Storage;
using RunRate.Testing;
using Spectre.Console;
using CliApp = cli::RunRate.Cli.CliApp;
using CliContext = cli::RunRate.Cli.Common.CliContext;

namespace RunRate.Web.Tests.Support;

/// <summary>
/// The web app over a real SQLite file in a fresh temporary folder, holding the random-medium sample
/// ledger, with the clock fixed at 2026-01-15 (as the CLI tests). One per test class.
/// </summary>
public class WebStore : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("runrate-web-");
    private readonly WebApplicationFactory<Program> _factory;

    public WebStore()
        : this("random-medium")
    {
    }

    protected WebStore(string? sample, IReadOnlyDictionary<string, string>? settings = null)
    {
        Db = TestStores.NewLocation(_folder.FullName);
        using (var store = OpenStore(create: true))
        {
            if (sample is not null)
            {
                var errors = new LedgerErrors();
                var source = LedgerSource.FromFolder(Samples.Folder(sample), errors) ?? throw new InvalidOperationException(string.Join("\n", errors.Items));
                LedgerImport.Run(source, store, replace: true, errors).Succeeded.ShouldBeTrue(string.Join("\n", errors.Items));
            }
        }

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting(WebOptions.StoreSetting, Db);
            web.UseSetting("RunRate:Open", "true"); // these suites test the API itself; tests/RunRate.Web.Tests/Access tests sign-in
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                web.UseSetting(key, value);
            }

            web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
        });
        Client = _factory.CreateClient();
    }

    /// <summary>The store: <c>runrate.db</c> in the folder, or a PostgreSQL database under <c>RUNRATE_TEST_STORE=postgres</c>.</summary>
    public string Db { get; }

    /// <summary>Opens <see cref="Db"/> as the app does, on either engine.</summary>
    public ILedgerStore OpenStore(bool create = false) => StoreFactory.Open(Db, create);

    public string Folder => _folder.FullName;

    public HttpClient Client { get; }

    /// <summary>The server's services, for tests that look at its in-memory state.</summary>
    public IServiceProvider Services => _factory.Services;

    public HttpClient CreateClient() => _factory.CreateClient();

    /// <summary>Runs the real CLI in-process against the same store; returns its exit code and standard output.</summary>
    public (int Exit, string Output) Cli(params string[] args)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()) });
        var errors = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()) });
        var context = new CliContext(console, output, new FakeTimeProvider(Now), _ => null, errors);
        var exit = CliApp.Run(context, [.. args, "--db", Db], new StringWriter());
        return (exit, output.ToString());
    }

    /// <summary>
    /// Asserts that <paramref name="url"/> answers exactly what the CLI prints for <paramref name="args"/>,
    /// as JSON and (with <c>format=csv</c>) as CSV: the API and the CLI share their writers.
    /// </summary>
    public async Task ShouldAnswerLikeCliAsync(string url, string[] args)
    {
        var (exit, cliJson) = Cli([.. args, "--json"]);
        exit.ShouldBe(0);
        (await Client.GetStringAsync(Http.Url(url))).ShouldBe(cliJson);

        var (_, cliCsv) = Cli([.. args, "--csv"]);
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        (await Client.GetStringAsync(Http.Url(url + separator + "format=csv"))).ShouldBe(cliCsv);
    }

    /// <summary>The stored ledger as the export endpoints give it (customers, lines, rates), to compare before and after.</summary>
    public async Task<string> ExportAsync()
    {
        var text = new StringBuilder();
        foreach (var file in new[] { "customers.csv", "lines.csv", "fx.csv", "costs.csv" })
        {
            using var response = await Client.GetAsync(new Uri("/api/export/" + file, UriKind.Relative));
            response.EnsureSuccessStatusCode();
            text.Append(await response.Content.ReadAsStringAsync());
        }

        return text.ToString();
    }

    public void Dispose()
    {
        Client.Dispose();
        _factory.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestStores.Drop(Db);
        _folder.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same app over an empty store.</summary>
public sealed class EmptyWebStore : WebStore
{
    public EmptyWebStore()
        : base(null)
    {
    }
}

/// <summary>The random-small sample on a server whose PDF printer (RUNRATE_CHROMIUM) does not exist.</summary>
public sealed class NoChromiumWebStore : WebStore
{
    public NoChromiumWebStore()
        : base("random-small", new Dictionary<string, string> { ["RUNRATE_CHROMIUM"] = "/nonexistent/chromium" })
    {
    }
}
