using System.Net;
using RunRate.Web.Tests.Crm;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Forecast;

/// <summary><c>GET /api/forecast</c> on the random-medium sample: the CLI's JSON and CSV byte for byte, and bad parameters named.</summary>
public sealed class ForecastApiTests(WebStore store) : IClassFixture<WebStore>, IAsyncLifetime
{
    private readonly WebStore _store = store;

    /// <summary>Saves the scenarios the parity cases name (a PUT is idempotent, so every test may run it).</summary>
    public async Task InitializeAsync()
    {
        foreach (var (name, json) in new[] { ("churn-1", """{"churn_points":-1}"""), ("Price%20%2B5", """{"price_percent":5,"price_from":"2024-09"}""") })
        {
            using var response = await _store.Client.PutAsync(Http.Url("/api/scenarios/" + name), Http.Json(json));
            response.IsSuccessStatusCode.ShouldBeTrue();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string> Parity => new()
    {
        { "/api/forecast", "forecast" },
        { "/api/forecast?as_of=2024-06&months=6", "forecast --as-of 2024-06 --months 6" },
        { "/api/forecast?as_of=2024-06&months=36&window=12&by=channel&backtest=false&segment=SMB&segment=Enterprise", "forecast --as-of 2024-06 --months 36 --window 12 --by channel --no-backtest --segment SMB --segment Enterprise" },
        { "/api/forecast?as_of=2024-06&scenario=churn-1", "forecast --as-of 2024-06 --scenario churn-1" },
        { "/api/forecast?as_of=2024-06&months=9&scenario=Price%20%2B5&scenario=CHURN-1", "forecast --as-of 2024-06 --months 9 --scenario Price_+5 --scenario CHURN-1" },
    };

    [Theory]
    [MemberData(nameof(Parity))]
    public async Task The_api_answers_the_same_json_and_csv_as_the_cli(string url, string command)
    {
        await _store.ShouldAnswerLikeCliAsync(url, command.Split(' ').Select(a => a.Replace('_', ' ')).ToArray());
    }

    [Fact]
    public async Task Several_scenarios_come_side_by_side_with_the_base_first()
    {
        var json = CrmApi.Json(await _store.Client.Get("/api/forecast?as_of=2024-06&months=3&backtest=false&scenario=churn-1&scenario=base"));

        json.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ShouldBe(["base", "churn-1"]);
    }

    [Theory]
    [InlineData("/api/forecast?months=0", HttpStatusCode.BadRequest, "months")]
    [InlineData("/api/forecast?months=twelve", HttpStatusCode.BadRequest, "months")]
    [InlineData("/api/forecast?window=25", HttpStatusCode.BadRequest, "window")]
    [InlineData("/api/forecast?as_of=2024-13", HttpStatusCode.BadRequest, "as_of")]
    [InlineData("/api/forecast?by=product", HttpStatusCode.BadRequest, "by")]
    [InlineData("/api/forecast?by=tier", HttpStatusCode.BadRequest, "by")]
    [InlineData("/api/forecast?backtest=maybe", HttpStatusCode.BadRequest, "backtest")]
    [InlineData("/api/forecast?scenario=bear", HttpStatusCode.NotFound, "scenario")]
    [InlineData("/api/forecast?scenario=a&scenario=b&scenario=c&scenario=d&scenario=e&scenario=f", HttpStatusCode.BadRequest, "scenario")]
    [InlineData("/api/forecast?currency=EURO", HttpStatusCode.BadRequest, "currency")]
    [InlineData("/api/forecast?format=xml", HttpStatusCode.BadRequest, "format")]
    [InlineData("/api/forecast?attr=tier", HttpStatusCode.BadRequest, "attr")]
    [InlineData("/api/forecast?currency=JPY", HttpStatusCode.UnprocessableEntity, "currency")]
    public async Task Bad_parameters_are_problem_details_naming_the_parameter(string url, HttpStatusCode status, string field)
    {
        using var response = await _store.Client.GetAsync(Http.Url(url));

        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }
}
