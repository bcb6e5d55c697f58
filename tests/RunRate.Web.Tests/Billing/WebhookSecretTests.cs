extern alias cli;

using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RunRate.Capture.Billing;
using RunRate.Testing;
using RunRate.Web.Tests.Support;
using Spectre.Console;
using CliApp = cli::RunRate.Cli.CliApp;
using CliContext = cli::RunRate.Cli.Common.CliContext;

namespace RunRate.Web.Tests.Billing;

/// <summary>Where the signing secret comes from, and the CLI's view of what the endpoint processed.</summary>
public sealed class WebhookSecretTests
{
    [Fact]
    public async Task The_secret_in_WebOptions_wins_over_the_configuration_setting()
    {
        var folder = Directory.CreateTempSubdirectory("runrate-secret-");
        var db = TestStores.NewLocation(folder.FullName);
        try
        {
            var clock = new FakeTimeProvider(StripeEvents.Day1);
            var app = RunRateWebApp.Build(
                ["--RunRate:StripeWebhookSecret=whsec_from_configuration"],
                new WebOptions { StorePath = db, Urls = ["http://127.0.0.1:0"], Clock = clock, StripeWebhookSecret = "whsec_from_options", Open = true });
            await app.StartAsync();
            try
            {
                using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
                async Task<HttpStatusCode> Post(string secret, string id)
                {
                    var body = "{\"id\":\"" + id + "\",\"object\":\"event\",\"type\":\"customer.updated\",\"created\":1768478400,\"data\":{\"object\":{}}}";
                    using var content = new StringContent(body, Encoding.UTF8, "application/json");
                    content.Headers.Add("Stripe-Signature", StripeSignature.Sign(secret, clock.GetUtcNow().ToUnixTimeSeconds(), Encoding.UTF8.GetBytes(body)));
                    using var response = await client.PostAsync(Http.Url("/api/webhooks/stripe"), content);
                    return response.StatusCode;
                }

                (await Post("whsec_from_configuration", "evt_a")).ShouldBe(HttpStatusCode.BadRequest);
                (await Post("whsec_from_options", "evt_b")).ShouldBe(HttpStatusCode.OK);
            }
            finally
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TestStores.Drop(db);
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_CLI_lists_exactly_what_the_API_lists()
    {
        using var web = new StripeWebStore();
        await web.Accepted(StripeEvents.Event("evt_c1", "customer.subscription.created", StripeEvents.Day1, StripeEvents.Subscription(StripeEvents.Item("si_1", 5000, 3))));
        web.Clock.Advance(TimeSpan.FromSeconds(5));
        await web.Accepted(StripeEvents.Event("evt_p1", "invoice.paid", StripeEvents.Day1, StripeEvents.Invoice("in_1", 15000, 15000, StripeEvents.Day1)));

        var api = await web.Client.GetStringAsync(Http.Url("/api/webhooks/events"));
        var output = new StringWriter();
        var quiet = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()) });
        CliApp.Run(new CliContext(quiet, output, web.Clock, _ => null, quiet), ["webhook", "events", "--json", "--db", web.Db], new StringWriter()).ShouldBe(0);

        output.ToString().TrimEnd().ShouldBe(api);
    }
}
