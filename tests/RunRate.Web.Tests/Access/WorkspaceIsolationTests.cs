using System.Net;
using System.Text;
using RunRate.Capture.Billing;
using RunRate.Storage.Access;
using RunRate.Web.Infrastructure.Access;
using RunRate.Web.Tests.Support;
using static RunRate.Web.Tests.Billing.StripeEvents;

namespace RunRate.Web.Tests.Access;

/// <summary>
/// Two workspaces with the same kinds of records: nothing of one is reachable, listed, exported, streamed or
/// changed from the other. The by-id endpoints are read from the app's endpoints, so a new one is covered.
/// </summary>
public sealed class WorkspaceIsolationTests(IsolationWebApp app) : IClassFixture<IsolationWebApp>
{
    private const string Mark = IsolationWebApp.BetaMark;

    private static readonly TimeSpan LedgerEventsSettle = RunRate.Web.Events.LedgerEvents.PollInterval * 4;

    [Fact]
    public async Task A_token_of_the_default_workspace_gets_404_for_every_beta_object_on_every_by_id_endpoint()
    {
        using var alpha = app.WithToken(app.Tokens[Role.Admin]);
        using var beta = app.WithToken(app.BetaAdminToken);
        var before = await BetaState(beta);
        var ids = IsolationWebApp.Ids(Mark);
        var tried = 0;
        foreach (var (method, pattern, _) in app.Endpoints().Where(e => e.Pattern.Contains("{id}", StringComparison.Ordinal) || e.Pattern.Contains("{name}", StringComparison.Ordinal)))
        {
            var resource = pattern.Split('/')[2];
            if (method == "PUT" && resource == "scenarios")
            {
                continue; // saving a scenario by name is create-or-replace: it would create the caller's own, not touch beta's
            }

            var id = resource == "tokens" ? app.Access.Tokens(IsolationWebApp.Beta).Single().Id : ids[resource];
            var path = pattern.Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal).Replace("{name}", id, StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method), Http.Url(path));
            if (method is "POST" or "PUT")
            {
                // A body valid in the caller's workspace (its own customer): only the id in the path is beta's.
                request.Content = Http.Json(IsolationWebApp.Body("alpha", method, pattern));
            }

            using var response = await alpha.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{method} {path}: {body}");
            tried++;
        }

        tried.ShouldBeGreaterThan(20);
        (await BetaState(beta)).ShouldBe(before);
    }

    [Fact]
    public async Task No_list_report_or_export_of_the_default_workspace_shows_anything_of_beta()
    {
        using var alpha = app.WithToken(app.Tokens[Role.Admin]);
        var reads = app.Endpoints()
            .Where(e => e.Method == "GET" && !e.Pattern.Contains('{', StringComparison.Ordinal) && e.Pattern != "/api/events")
            .Select(e => e.Pattern)
            .Concat(["/api/mrr?format=csv", "/api/summary?format=csv", "/api/customers?format=csv", "/api/report?format=html"])
            .ToList();
        foreach (var path in reads)
        {
            using var response = await alpha.GetAsync(Http.Url(path));
            var text = await response.Content.ReadAsStringAsync();
            text.ShouldNotContain(Mark, Case.Insensitive, path);
        }

        // The beta admin sees its own records, so the mark would show if it leaked.
        using var beta = app.WithToken(app.BetaAdminToken);
        (await beta.GetStringAsync(Http.Url("/api/export/customers.csv"))).ShouldContain(Mark, Case.Insensitive);
        (await beta.GetStringAsync(Http.Url("/api/export/customers.csv"))).ShouldNotContain("alpha", Case.Insensitive);
    }

    [Fact]
    public async Task A_token_asking_for_another_workspace_gets_404_and_a_member_of_both_switches_with_the_header()
    {
        using var alpha = app.WithToken(app.Tokens[Role.Admin]);
        alpha.DefaultRequestHeaders.Add(AccessSchemes.WorkspaceHeader, IsolationWebApp.Beta);
        using (var response = await alpha.GetAsync(Http.Url("/api/customers")))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using var both = await app.LoginAsync("both");
        (await both.GetStringAsync(Http.Url("/api/export/customers.csv"))).ShouldNotContain(Mark, Case.Insensitive);
        using var inBeta = new HttpRequestMessage(HttpMethod.Get, Http.Url("/api/export/customers.csv"));
        inBeta.Headers.Add(AccessSchemes.WorkspaceHeader, IsolationWebApp.Beta);
        using (var response = await both.SendAsync(inBeta))
        {
            (await response.Content.ReadAsStringAsync()).ShouldContain(Mark, Case.Insensitive);
        }

        // In beta "both" is a viewer: a write is refused there, though it is finance in the default workspace.
        using var write = new HttpRequestMessage(HttpMethod.Post, Http.Url("/api/contacts")) { Content = Http.Json("{}") };
        write.Headers.Add(AccessSchemes.WorkspaceHeader, IsolationWebApp.Beta);
        using (var response = await both.SendAsync(write))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using var unknown = new HttpRequestMessage(HttpMethod.Get, Http.Url("/api/customers"));
        unknown.Headers.Add(AccessSchemes.WorkspaceHeader, "nowhere");
        using (var response = await both.SendAsync(unknown))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task A_stripe_event_for_beta_changes_beta_only()
    {
        using var alpha = app.WithToken(app.Tokens[Role.Admin]);
        using var beta = app.WithToken(app.BetaAdminToken);
        var alphaBefore = await alpha.GetStringAsync(Http.Url("/api/export/lines.csv"));
        var json = Event("evt_beta1", "customer.subscription.created", Day1, Subscription(Item("si_Beta", 4999, 3)));
        app.Clock.SetUtcNow(Day1);

        using (var response = await Deliver("/api/webhooks/stripe/beta", json, IsolationWebApp.BetaStripeSecret))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }

        (await beta.GetStringAsync(Http.Url("/api/export/lines.csv"))).ShouldContain("si_Beta");
        (await alpha.GetStringAsync(Http.Url("/api/export/lines.csv"))).ShouldBe(alphaBefore);
        (await alpha.GetStringAsync(Http.Url("/api/webhooks/events"))).ShouldNotContain("evt_beta1");

        // Beta's secret does not open the default workspace's endpoint (it has none here), nor an unknown workspace's.
        using (var response = await Deliver("/api/webhooks/stripe", json.Replace("evt_beta1", "evt_beta2", StringComparison.Ordinal), IsolationWebApp.BetaStripeSecret))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        }

        using (var response = await Deliver("/api/webhooks/stripe/nowhere", json, IsolationWebApp.BetaStripeSecret))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await alpha.GetStringAsync(Http.Url("/api/export/lines.csv"))).ShouldBe(alphaBefore);
    }

    [Fact]
    public async Task The_event_stream_of_the_default_workspace_is_silent_while_beta_changes()
    {
        using var alpha = app.WithToken(app.Tokens[Role.Admin]);
        using var beta = app.WithToken(app.BetaAdminToken);
        await Task.Delay(LedgerEventsSettle); // the other tests' writes have been polled, so the stream starts settled
        using var stream = await alpha.GetAsync(Http.Url("/api/events"), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        var first = await NextEvent(reader, TimeSpan.FromSeconds(10));
        first.ShouldNotBeNull();

        using (var response = await beta.PostAsync(Http.Url("/api/contacts"), Http.Json($$"""{"account_id":"ZQBETA-C1","name":"{{Mark}} Other"}""")))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var pending = NextEvent(reader, TimeSpan.FromSeconds(10));
        (await Task.WhenAny(pending, Task.Delay(TimeSpan.FromSeconds(1.5)))).ShouldNotBe(pending, $"beta's change reached the default workspace's stream after {first}");

        using (var response = await alpha.PostAsync(Http.Url("/api/contacts"), Http.Json("""{"account_id":"ALPHA-C1","name":"alpha Other"}""")))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var next = await pending;
        next.ShouldNotBeNull();
        next.ShouldNotBe(first);
    }

    private async Task<HttpResponseMessage> Deliver(string path, string json, string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        using var client = app.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, Http.Url(path)) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("Stripe-Signature", StripeSignature.Sign(secret, app.Clock.GetUtcNow().ToUnixTimeSeconds(), bytes));
        return await client.SendAsync(request);
    }

    /// <summary>The data line of the next <c>event: ledger</c>, or null when the stream ends or time runs out.</summary>
    private static async Task<string?> NextEvent(StreamReader reader, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (await reader.ReadLineAsync(cancel.Token) is { } line)
            {
                if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        return null;
    }

    private static async Task<string> BetaState(HttpClient beta)
    {
        var text = new StringBuilder();
        foreach (var path in new[] { "/api/export/customers.csv", "/api/export/lines.csv", "/api/contacts", "/api/deals", "/api/activities", "/api/targets", "/api/scenarios", "/api/accounts/ZQBETA-C1", "/api/tokens" })
        {
            text.Append(await beta.GetStringAsync(Http.Url(path)));
        }

        return text.ToString();
    }
}
