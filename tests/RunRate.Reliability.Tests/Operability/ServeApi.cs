using System.Net;
using System.Text;

namespace RunRate.Reliability.Tests.Operability;

/// <summary>Small HTTP helpers for the operability tests: a customer and line bodies as the API takes them.</summary>
internal static class ServeApi
{
    public const string Customer = "OPS-C1";

    public static string LineJson(string id, decimal amount) =>
        $$"""{"line_id":"{{id}}","customer_id":"{{Customer}}","kind":"subscription","product":"ops","start_date":"2025-01-01","end_date":null,"amount":{{amount.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"quantity":1,"currency":"USD","interval_months":1}""";

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task CreateCustomer(HttpClient client, string address)
    {
        using var response = await client.PostAsync(new Uri(address + "/api/customers"), Json($$"""{"customer_id":"{{Customer}}","name":"Ops test"}"""));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}

/// <summary>
/// A request body sent slowly, in <paramref name="chunks"/> pieces <paramref name="pause"/> apart, with its length
/// announced: the server has the request (headers read, handler waiting on the body) long before it can answer.
/// </summary>
internal sealed class SlowContent(byte[] body, int chunks, TimeSpan pause) : HttpContent
{
    public TaskCompletionSource FirstChunkSent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var size = (body.Length + chunks - 1) / chunks;
        for (var offset = 0; offset < body.Length; offset += size)
        {
            await stream.WriteAsync(body.AsMemory(offset, Math.Min(size, body.Length - offset))).ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
            FirstChunkSent.TrySetResult();
            await Task.Delay(pause).ConfigureAwait(false); // off xunit's few threads, which other tests may hold
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = body.Length;
        return true;
    }
}
