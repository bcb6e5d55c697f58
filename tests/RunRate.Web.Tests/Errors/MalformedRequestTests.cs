using System.IO.Compression;
using System.Text;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Errors;

/// <summary>
/// Bad input of every kind is a 4xx problem details response naming what is wrong (never a 5xx),
/// and leaves the stored ledger exactly as it was.
/// </summary>
public sealed class MalformedRequestTests(WebStore web) : IClassFixture<WebStore>
{
    private const string Line = "\"line_id\":\"NEWL\",\"customer_id\":\"C00001\",\"kind\":\"subscription\",\"start_date\":\"2024-01-01\",\"amount\":10,\"currency\":\"USD\",\"interval_months\":1";

    private static readonly Dictionary<string, (int Status, string? Field, Func<HttpRequestMessage> Request)> Requests = new()
    {
        ["customer: malformed JSON"] = (400, "customer_id", () => Post("/api/customers", """{"customer_id":""")),
        ["customer: a JSON array"] = (400, "body", () => Post("/api/customers", "[]")),
        ["customer: id is a number"] = (400, "customer_id", () => Post("/api/customers", """{"customer_id":5}""")),
        ["customer: attributes is a string"] = (400, "attributes", () => Post("/api/customers", """{"customer_id":"N1","attributes":"gold"}""")),
        ["customer: unknown field"] = (400, "segmant", () => Post("/api/customers", """{"customer_id":"N1","segmant":"SMB"}""")),
        ["customer: missing id"] = (422, "customer_id", () => Post("/api/customers", """{"name":"Nameless"}""")),
        ["customer: blank id"] = (422, "customer_id", () => Post("/api/customers", """{"customer_id":"   "}""")),
        ["customer: attribute named like a standard column"] = (422, "attributes", () => Post("/api/customers", """{"customer_id":"N1","attributes":{"Segment":"SMB"}}""")),
        ["customer: attributes differing only in case"] = (422, "attributes", () => Post("/api/customers", """{"customer_id":"N1","attributes":{"tier":"a","TIER":"b"}}""")),
        ["customer: id already stored"] = (409, "customer_id", () => Post("/api/customers", """{"customer_id":"C00001"}""")),
        ["customer: plain text body"] = (415, null, () => Post("/api/customers", "customer_id=N1", "text/plain")),
        ["customer: no body"] = (400, "body", () => new HttpRequestMessage(HttpMethod.Post, Http.Url("/api/customers")) { Content = new ByteArrayContent([]) { Headers = { { "Content-Type", "application/json" } } } }),
        ["customer: huge payload"] = (413, "body", () => Post("/api/customers", "{\"customer_id\":\"N1\",\"name\":\"" + new string('x', 2 * 1024 * 1024) + "\"}")),
        ["customer: huge chunked payload"] = (413, null, () => new HttpRequestMessage(HttpMethod.Post, Http.Url("/api/customers")) { Content = new ChunkedJson(2 * 1024 * 1024) }),
        ["customer: replace an unknown id"] = (404, "id", () => Put("/api/customers/NOPE", """{"name":"x"}""")),
        ["customer: body id differs from the path"] = (422, "customer_id", () => Put("/api/customers/C00001", """{"customer_id":"C00002"}""")),
        ["customer: delete an unknown id"] = (404, "id", () => new HttpRequestMessage(HttpMethod.Delete, Http.Url("/api/customers/NOPE"))),
        ["customer: delete one that has lines"] = (409, "id", () => new HttpRequestMessage(HttpMethod.Delete, Http.Url("/api/customers/C00001"))),
        ["line: every field missing"] = (422, "line_id", () => Post("/api/lines", "{}")),
        ["line: impossible date"] = (422, "start_date", () => Post("/api/lines", "{" + Line.Replace("2024-01-01", "2024-02-30", StringComparison.Ordinal) + "}")),
        ["line: date in another format"] = (422, "start_date", () => Post("/api/lines", "{" + Line.Replace("2024-01-01", "01/02/2024", StringComparison.Ordinal) + "}")),
        ["line: end before start"] = (422, "end_date", () => Post("/api/lines", "{" + Line + ""","end_date":"2023-12-31"}""")),
        ["line: one_time with an interval"] = (422, "interval_months", () => Post("/api/lines", "{" + Line.Replace("subscription", "one_time", StringComparison.Ordinal) + "}")),
        ["line: one_time with an end"] = (422, "end_date", () => Post("/api/lines", """{"line_id":"NEWL","customer_id":"C00001","kind":"one_time","start_date":"2024-01-01","end_date":"2024-02-01","amount":10,"currency":"USD"}""")),
        ["line: negative amount"] = (422, "amount", () => Post("/api/lines", "{" + Line.Replace("\"amount\":10", "\"amount\":-10", StringComparison.Ordinal) + "}")),
        ["line: zero quantity"] = (422, "quantity", () => Post("/api/lines", "{" + Line + ""","quantity":0}""")),
        ["line: unknown currency"] = (422, "currency", () => Post("/api/lines", "{" + Line.Replace("USD", "EUD", StringComparison.Ordinal) + "}")),
        ["line: interval over 120"] = (422, "interval_months", () => Post("/api/lines", "{" + Line.Replace("\"interval_months\":1", "\"interval_months\":121", StringComparison.Ordinal) + "}")),
        ["line: recurring without interval"] = (422, "interval_months", () => Post("/api/lines", "{" + Line.Replace(",\"interval_months\":1", "", StringComparison.Ordinal) + "}")),
        ["line: unknown customer"] = (422, "customer_id", () => Post("/api/lines", "{" + Line.Replace("C00001", "NOPE", StringComparison.Ordinal) + "}")),
        ["line: unknown kind"] = (422, "kind", () => Post("/api/lines", "{" + Line.Replace("subscription", "lease", StringComparison.Ordinal) + "}")),
        ["line: amount is text"] = (400, "amount", () => Post("/api/lines", "{" + Line.Replace("\"amount\":10", "\"amount\":\"ten\"", StringComparison.Ordinal) + "}")),
        ["line: interval is a fraction"] = (400, "interval_months", () => Post("/api/lines", "{" + Line.Replace("\"interval_months\":1", "\"interval_months\":1.5", StringComparison.Ordinal) + "}")),
        ["line: id already stored"] = (409, "line_id", () => Post("/api/lines", "{" + Line.Replace("NEWL", "L000159", StringComparison.Ordinal) + "}")),
        ["line: replace an unknown id"] = (404, "id", () => Put("/api/lines/NOPE", "{" + Line.Replace("\"line_id\":\"NEWL\",", "", StringComparison.Ordinal) + "}")),
        ["line: end an unknown id"] = (404, "id", () => Post("/api/lines/NOPE/end", """{"end_date":"2025-01-01"}""")),
        ["line: end before its start"] = (422, "end_date", () => Post("/api/lines/L000159/end", """{"end_date":"2023-08-16"}""")),
        ["line: end without a date"] = (422, "end_date", () => Post("/api/lines/L000159/end", "{}")),
        ["line: end a one_time line"] = (422, "end_date", () => Post("/api/lines/L001885/end", """{"end_date":"2025-01-01"}""")),
        ["line: delete an unknown id"] = (404, "id", () => new HttpRequestMessage(HttpMethod.Delete, Http.Url("/api/lines/NOPE"))),
        ["upload: JSON instead of files"] = (415, null, () => Post("/api/ledger", "{}")),
        ["upload: no files"] = (422, "customers.csv: file", () => Upload("/api/ledger", new MultipartFormDataContent { { new StringContent("x"), "note" } })),
        ["upload: lines.csv missing"] = (422, "lines.csv: file", () => Upload("/api/ledger", Http.Files(("customers.csv", "customer_id\nN1\n"u8.ToArray())))),
        ["upload: unexpected file"] = (422, "notes.txt: file", () => Upload("/api/ledger", Http.Files(("customers.csv", "customer_id\nN1\n"u8.ToArray()), ("lines.csv", "line_id\n"u8.ToArray()), ("notes.txt", "hi"u8.ToArray())))),
        ["upload: invalid zip"] = (422, "ledger.zip: file", () => Upload("/api/ledger", Http.Files(("ledger.zip", "PK not really a zip"u8.ToArray())))),
        ["upload: zip without lines.csv"] = (422, "lines.csv: file", () => Upload("/api/ledger", Http.Files(("ledger.zip", Zip(("customers.csv", "customer_id\nN1\n"u8.ToArray())))))),
        ["upload: zip and files together"] = (400, "files", () => Upload("/api/ledger", Http.Files(("ledger.zip", Zip(("customers.csv", "customer_id\n"u8.ToArray()))), ("lines.csv", "line_id\n"u8.ToArray())))),
        ["upload: replace is not a boolean"] = (400, "replace", () => Upload("/api/ledger?replace=maybe", Http.Files(("customers.csv", "customer_id\nN1\n"u8.ToArray())))),
        ["upload: broken row, replacing"] = (422, "lines.csv:2: amount", () => Upload("/api/ledger?replace=true", Http.Files(("customers.csv", "customer_id\nN1\n"u8.ToArray()), ("lines.csv", "line_id,customer_id,kind,start_date,amount,currency,interval_months\nNL,N1,addon,2024-01-01,1.2.3,USD,1\n"u8.ToArray())))),
        ["upload: not UTF-8"] = (422, "customers.csv: file", () => Upload("/api/ledger", Http.Files(("customers.csv", [0x63, 0x75, 0x73, 0xFF, 0xFE, 0x0A]), ("lines.csv", "line_id\n"u8.ToArray())))),
        ["upload: truncated multipart body"] = (400, "body", () => new HttpRequestMessage(HttpMethod.Post, Http.Url("/api/ledger")) { Content = new StringContent("--XYZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"lines.csv\"\r\n\r\nabc", Encoding.UTF8) { Headers = { ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=XYZ") } } }),
        ["report: month 13"] = (400, "from", () => Get("/api/mrr?from=2025-13")),
        ["report: month as a word"] = (400, "month", () => Get("/api/summary?month=June")),
        ["report: to before from"] = (400, "to", () => Get("/api/mrr?from=2025-06&to=2025-01")),
        ["report: a range of centuries"] = (400, "from", () => Get("/api/cohorts?from=1000-01&to=9000-01")),
        ["report: currency of two letters"] = (400, "currency", () => Get("/api/arr-bridge?currency=US")),
        ["report: currency without rates"] = (422, "currency", () => Get("/api/mrr?currency=EUR&from=2025-01&to=2025-02")),
        ["report: breakdown by an unknown attribute"] = (400, "by", () => Get("/api/mrr?by=planet")),
        ["report: attr without a value"] = (400, "attr", () => Get("/api/summary?attr=tier")),
        ["report: unknown format"] = (400, "format", () => Get("/api/cohorts?format=xml")),
        ["report: limit zero"] = (400, "limit", () => Get("/api/customers?limit=0")),
        ["report: limit not a number"] = (400, "limit", () => Get("/api/customers?limit=ten")),
        ["report: unknown status"] = (400, "status", () => Get("/api/customers?status=zombie")),
        ["report: unknown sort"] = (400, "sort", () => Get("/api/customers?sort=height")),
        ["report: unknown customer"] = (404, "id", () => Get("/api/customers/NOPE")),
        ["report: unknown line"] = (404, "id", () => Get("/api/lines/NOPE")),
        ["unknown endpoint"] = (404, null, () => Get("/api/nope")),
        ["wrong method"] = (405, null, () => new HttpRequestMessage(HttpMethod.Patch, Http.Url("/api/mrr"))),
    };

    public static TheoryData<string> Cases => [.. Requests.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_a_4xx_problem_and_changes_nothing(string name)
    {
        var (status, field, build) = Requests[name];
        var before = await web.ExportAsync();
        var revision = (await (await web.Client.GetAsync(Http.Url("/api/meta"))).JsonAsync()).GetProperty("revision").GetInt64();

        using var request = build();
        using var response = await web.Client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        var problem = System.Text.Json.JsonDocument.Parse(body).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe(status);
        if (field is not null)
        {
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldContain(field, body);
        }

        (await web.ExportAsync()).ShouldBe(before);
        (await (await web.Client.GetAsync(Http.Url("/api/meta"))).JsonAsync()).GetProperty("revision").GetInt64().ShouldBe(revision);
    }

    [Fact]
    public void There_are_at_least_thirty_cases() => Requests.Count.ShouldBeGreaterThanOrEqualTo(30);

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, Http.Url(url));

    private static HttpRequestMessage Post(string url, string body, string contentType = "application/json") =>
        new(HttpMethod.Post, Http.Url(url)) { Content = new StringContent(body, Encoding.UTF8, contentType) };

    private static HttpRequestMessage Put(string url, string body) =>
        new(HttpMethod.Put, Http.Url(url)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private static HttpRequestMessage Upload(string url, HttpContent content) => new(HttpMethod.Post, Http.Url(url)) { Content = content };

    private static byte[] Zip(params (string Name, byte[] Bytes)[] files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in files)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A JSON body of unknown length (sent chunked), larger than the limit.</summary>
    private sealed class ChunkedJson(int size) : HttpContent
    {
        public ChunkedJson()
            : this(0)
        {
        }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync("{\"customer_id\":\"N1\",\"name\":\""u8.ToArray());
            var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
            for (var written = 0; written < size; written += chunk.Length)
            {
                await stream.WriteAsync(chunk);
            }

            await stream.WriteAsync("\"}"u8.ToArray());
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
