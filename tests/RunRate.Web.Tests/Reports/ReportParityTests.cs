using System.Text;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Reports;

/// <summary>Every report endpoint answers exactly what the CLI prints for the same store, byte for byte.</summary>
public sealed class ReportParityTests(WebStore web) : IClassFixture<WebStore>
{
    public static TheoryData<string, string> Cases => new()
    {
        { "/api/mrr?from=2022-01&to=2025-12", "mrr --from 2022-01 --to 2025-12 --json" },
        { "/api/mrr", "mrr --json" },
        { "/api/mrr?from=2024-01&to=2025-06&by=segment", "mrr --from 2024-01 --to 2025-06 --by segment --json" },
        { "/api/mrr?from=2024-01&to=2025-06&by=product&format=csv", "mrr --from 2024-01 --to 2025-06 --by product --csv" },
        { "/api/mrr?from=2023-01&to=2025-12&segment=SMB&segment=enterprise&country=US&country=FR", "mrr --from 2023-01 --to 2025-12 --segment SMB --segment enterprise --country US --country FR --json" },
        { "/api/mrr?from=2023-01&to=2025-12&product=Growth&owner=ana&format=csv", "mrr --from 2023-01 --to 2025-12 --product Growth --owner ana --csv" },
        { "/api/summary?month=2025-06", "summary --month 2025-06 --json" },
        { "/api/summary", "summary --json" },
        { "/api/summary?month=2024-12&channel=partner&format=csv", "summary --month 2024-12 --channel partner --csv" },
        { "/api/arr-bridge?from=2024-01&to=2025-06", "arr-bridge --from 2024-01 --to 2025-06 --json" },
        { "/api/arr-bridge?to=2025-12", "arr-bridge --to 2025-12 --json" },
        { "/api/arr-bridge?from=2024-01&to=2025-06&by=channel", "arr-bridge --from 2024-01 --to 2025-06 --by channel --json" },
        { "/api/arr-bridge?from=2024-01&to=2025-06&by=owner&format=csv", "arr-bridge --from 2024-01 --to 2025-06 --by owner --csv" },
        { "/api/cohorts?from=2022-01&to=2025-12", "cohorts --from 2022-01 --to 2025-12 --json" },
        { "/api/cohorts?from=2024-01&to=2025-06&segment=SMB&format=csv", "cohorts --from 2024-01 --to 2025-06 --segment SMB --csv" },
        { "/api/customers?month=2025-06", "customers --month 2025-06 --json" },
        { "/api/customers?month=2025-06&status=churned&sort=last-movement&limit=10", "customers --month 2025-06 --status churned --sort last-movement --limit 10 --json" },
        { "/api/customers?month=2024-03&sort=name&country=US&format=csv", "customers --month 2024-03 --sort name --country US --csv" },
        { "/api/customers/C00001?month=2025-06", "customer C00001 --month 2025-06 --json" },
        { "/api/customers/C00042", "customer C00042 --json" },
        { "/api/customers/C00042?month=2024-01&format=csv", "customer C00042 --month 2024-01 --csv" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_endpoint_answers_the_CLIs_output_byte_for_byte(string url, string cli)
    {
        var (exit, expected) = web.Cli(cli.Split(' '));
        exit.ShouldBe(0);

        using var response = await web.Client.GetAsync(Http.Url(url));
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(url.Contains("format=csv", StringComparison.Ordinal) ? "text/csv" : "application/json");
        var body = await response.Content.ReadAsByteArrayAsync();
        body.ShouldBe(Encoding.UTF8.GetBytes(expected));
    }

    [Fact]
    public async Task The_mrr_of_the_contracts_sample_matches_its_expected_figures()
    {
        using var response = await web.Client.GetAsync(Http.Url("/api/mrr?from=2022-01&to=2025-12"));
        var months = (await response.JsonAsync()).GetProperty("months").EnumerateArray().ToList();
        var expected = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Samples.Folder("random-medium"), "expected-2022-2025.json"))).RootElement;
        var expectedMonths = expected.GetProperty("months").EnumerateArray().ToList();
        months.Count.ShouldBe(expectedMonths.Count);
        for (var i = 0; i < months.Count; i++)
        {
            months[i].GetProperty("month").GetString().ShouldBe(expectedMonths[i].GetProperty("month").GetString());
            months[i].GetProperty("closing_mrr").GetDecimal().ShouldBe(expectedMonths[i].GetProperty("closing_mrr").GetDecimal());
            months[i].GetProperty("arr").GetDecimal().ShouldBe(expectedMonths[i].GetProperty("arr").GetDecimal());
        }
    }

    [Fact]
    public async Task Meta_lists_the_values_the_filters_can_take()
    {
        using var response = await web.Client.GetAsync(Http.Url("/api/meta"));
        response.EnsureSuccessStatusCode();
        var meta = await response.JsonAsync();
        meta.GetProperty("revision").GetInt64().ShouldBeGreaterThan(0);
        meta.GetProperty("currencies").EnumerateArray().Select(e => e.GetString()).ShouldBe(["EUR", "GBP", "JPY", "USD"]);
        meta.GetProperty("segments").EnumerateArray().Select(e => e.GetString()).ShouldBe(["Enterprise", "Mid-Market", "SMB"]);
        meta.GetProperty("owners").EnumerateArray().Select(e => e.GetString()).ShouldBe(["ana", "bo", "cy"]);
        meta.GetProperty("attributes").GetArrayLength().ShouldBe(0);
        meta.GetProperty("first_month").GetString().ShouldBe("2019-12");
    }

    [Fact]
    public async Task The_dashboard_is_served_for_the_root_and_for_client_side_routes()
    {
        foreach (var path in new[] { "/", "/customers/C00001" })
        {
            using var response = await web.Client.GetAsync(Http.Url(path));
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        }

        using var docs = await web.Client.GetAsync(Http.Url("/api-docs/index.html"));
        docs.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }
}
