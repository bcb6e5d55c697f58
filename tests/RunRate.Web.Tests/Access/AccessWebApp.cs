using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using RunRate.Storage;
using RunRate.Storage.Access;
using RunRate.Storage.Workspaces;
using RunRate.Testing;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Access;

/// <summary>
/// The web app with sign-in required (not open), over a fresh store (a SQLite file, or a PostgreSQL database under <c>RUNRATE_TEST_STORE=postgres</c>) and the real access store: the default
/// workspace and "beta"; users viewer, sales, finance and admin (each that role in the default workspace) and "both"
/// (finance in default, viewer in beta); a token per role in the default workspace and an admin token of beta.
/// Every log line is captured. The clock is fake and starts at <see cref="WebStore.Now"/>.
/// </summary>
public class AccessWebApp : IDisposable
{
    public const string Password = "correct horse battery staple";
    public const string Beta = "beta";
    public const string BetaStripeSecret = "whsec_betaWorkspaceSecret42";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("runrate-access-");
    private readonly WebApplicationFactory<Program> _factory;

    public AccessWebApp()
    {
        Db = TestStores.NewLocation(_folder.FullName);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting(WebOptions.StoreSetting, Db);
            web.UseSetting("RunRate:StripeWebhookSecrets:" + Beta, BetaStripeSecret);
            web.ConfigureTestServices(services => services
                .AddSingleton<TimeProvider>(Clock)
                .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new CapturingLoggerProvider(Logs))));
        });

        var access = Access;
        access.AddWorkspace(Beta, "Beta Ltd").ShouldBe(WriteOutcome.Done);
        foreach (var role in Enum.GetValues<Role>())
        {
            var name = role.ToString().ToLowerInvariant();
            access.AddUser(name, Password).ShouldBe(WriteOutcome.Done);
            access.SetMembership(name, Workspace.Default, role).ShouldBe(WriteOutcome.Done);
            Tokens[role] = access.CreateToken("t-" + name, Workspace.Default, role, null, "test").Secret;
        }

        access.AddUser("both", Password).ShouldBe(WriteOutcome.Done);
        access.SetMembership("both", Workspace.Default, Role.Finance).ShouldBe(WriteOutcome.Done);
        access.SetMembership("both", Beta, Role.Viewer).ShouldBe(WriteOutcome.Done);
        BetaAdminToken = access.CreateToken("beta-admin", Beta, Role.Admin, null, "test").Secret;
    }

    public string Db { get; }

    public FakeTimeProvider Clock { get; } = new(WebStore.Now);

    public ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>The app's own access store (the same file and clock).</summary>
    public IAccessStore Access => _factory.Services.GetRequiredService<IAccessStore>();

    /// <summary>Secrets of the default workspace's tokens, by role.</summary>
    public Dictionary<Role, string> Tokens { get; } = [];

    public string BetaAdminToken { get; }

    /// <summary>
    /// Every API endpoint the app serves: method, route pattern and the body type it accepts (null: JSON). Sign-out
    /// comes last, so a session walking the list stays signed in to the end.
    /// </summary>
    public IReadOnlyList<(string Method, string Pattern, string? Accepts)> Endpoints() =>
        [.. _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (m, e.RoutePattern.RawText!, e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.FirstOrDefault())))
            .Distinct()
            .OrderBy(e => e.Item2.EndsWith("/logout", StringComparison.Ordinal))
            .ThenBy(e => e.Item2, StringComparer.Ordinal)];

    /// <summary>A client without credentials; cookies are kept (so a login sticks).</summary>
    public HttpClient Anonymous() => _factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });

    /// <summary>A client that sends the token on every request.</summary>
    public HttpClient WithToken(string secret)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>Signs in through the API; the client keeps the session cookie and sends the CSRF header from then on.</summary>
    public async Task<HttpClient> LoginAsync(string user, string password = Password)
    {
        var client = Anonymous();
        using var response = await client.PostAsync(Http.Url("/api/auth/login"), Http.Json(JsonSerializer.Serialize(new { user, password })));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var csrf = (await response.JsonAsync()).GetProperty("csrf").GetString()!;
        client.DefaultRequestHeaders.Add("X-RunRate-Csrf", csrf);
        return client;
    }

    public void Dispose()
    {
        _factory.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestStores.Drop(Db);
        _folder.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}
