using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RunRate.Capture.Billing;
using RunRate.Storage;
using RunRate.Testing;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Billing;

/// <summary>
/// The web app over an empty store (SQLite, or PostgreSQL under <c>RUNRATE_TEST_STORE=postgres</c>) with a Stripe signing secret configured (or none), and a
/// clock the test moves, since signatures older than five minutes are refused. One per test.
/// </summary>
internal sealed class StripeWebStore : IDisposable
{
    public const string Secret = "whsec_9aQ2runrateTestSecretK7";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("runrate-stripe-");
    private readonly WebApplicationFactory<Program> _factory;

    public StripeWebStore(string? secret = Secret)
    {
        Db = TestStores.NewLocation(_folder.FullName);
        using (OpenStore(create: true))
        {
        }

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting(WebOptions.StoreSetting, Db);
            web.UseSetting("RunRate:Open", "true");
            if (secret is not null)
            {
                web.UseSetting("RunRate:StripeWebhookSecret", secret);
            }

            web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
        Client = _factory.CreateClient();
    }

    public FakeTimeProvider Clock { get; } = new(StripeEvents.Day1);

    public string Db { get; }

    /// <summary>Opens <see cref="Db"/> as the app does, on either engine.</summary>
    public ILedgerStore OpenStore(bool create = false) => StoreFactory.Open(Db, create);

    public HttpClient Client { get; }

    /// <summary>Posts <paramref name="json"/> as Stripe would: raw bytes, signed now with the secret.</summary>
    public Task<HttpResponseMessage> Deliver(string json) =>
        Deliver(json, StripeSignature.Sign(Secret, Clock.GetUtcNow().ToUnixTimeSeconds(), Encoding.UTF8.GetBytes(json)));

    /// <summary>Posts <paramref name="json"/> with the given header (none when null).</summary>
    public async Task<HttpResponseMessage> Deliver(string json, string? signature)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, Http.Url("/api/webhooks/stripe")) { Content = content };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        }

        request.Headers.UserAgent.ParseAdd("Stripe/1.0 (+https://stripe.com/docs/webhooks)");
        return await Client.SendAsync(request);
    }

    /// <summary>Delivers and expects a 200, returning the answer.</summary>
    public async Task<System.Text.Json.JsonElement> Accepted(string json)
    {
        using var response = await Deliver(json);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, body);
        return System.Text.Json.JsonDocument.Parse(body).RootElement;
    }

    /// <summary>The stored ledger as the export endpoints give it plus the store's revision, to compare before and after.</summary>
    public async Task<string> StateAsync()
    {
        var text = new StringBuilder();
        foreach (var file in new[] { "customers.csv", "lines.csv", "fx.csv" })
        {
            text.Append(await Client.GetStringAsync(Http.Url("/api/export/" + file)));
        }

        var meta = System.Text.Json.JsonDocument.Parse(await Client.GetStringAsync(Http.Url("/api/meta"))).RootElement;
        return text.Append("revision ").Append(meta.GetProperty("revision").GetInt64()).ToString();
    }

    public void Dispose()
    {
        Client.Dispose();
        _factory.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestStores.Drop(Db);
        _folder.Delete(recursive: true);
    }
}
