using System.Net;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Events;

/// <summary><c>GET /api/events</c> tells open streams about every change of the store, whoever made it.</summary>
public sealed class EventsTests(EmptyWebStore web) : IClassFixture<EmptyWebStore>
{
    [Fact]
    public async Task A_write_through_the_API_and_a_write_by_another_process_each_reach_the_stream()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var client = web.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, Http.Url("/api/events"));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var first = await NextRevision(reader, timeout.Token);

        using (var created = await web.Client.PostAsync(Http.Url("/api/customers"), Http.Json("""{"customer_id":"E1"}"""), timeout.Token))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var second = await NextRevision(reader, timeout.Token);
        second.ShouldBeGreaterThan(first);

        // Another process (here: another connection) writing to the same file.
        using (var store = web.OpenStore(create: false))
        {
            store.SaveCustomer(new Engine.Ledger.Customer(new Engine.Primitives.CustomerId("E2")), Storage.WriteMode.Create).ShouldBe(Storage.WriteOutcome.Done);
        }

        (await NextRevision(reader, timeout.Token)).ShouldBeGreaterThan(second);
    }

    [Fact]
    public async Task Open_streams_end_when_the_server_stops()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var server = new EmptyWebStore();
        using var client = server.CreateClient();
        using var response = await client.GetAsync(Http.Url("/api/events"), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        await NextRevision(reader, timeout.Token);

        // Stopping waits for open requests: it completes promptly only because the stream ends itself.
        await Task.Run(server.Dispose, timeout.Token).WaitAsync(TimeSpan.FromSeconds(15), timeout.Token);
        try
        {
            while (await reader.ReadLineAsync(timeout.Token) is not null)
            {
            }
        }
        catch (IOException)
        {
            // the test server may also cut the stream
        }

        timeout.IsCancellationRequested.ShouldBeFalse();
    }

    private static async Task<long> NextRevision(StreamReader reader, CancellationToken token)
    {
        string? eventName = null;
        while (await reader.ReadLineAsync(token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventName = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventName == "ledger")
            {
                return System.Text.Json.JsonDocument.Parse(line[6..]).RootElement.GetProperty("revision").GetInt64();
            }
        }

        throw new InvalidOperationException("the event stream ended");
    }
}
