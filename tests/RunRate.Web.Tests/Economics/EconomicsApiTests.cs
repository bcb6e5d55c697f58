using System.Net;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Economics;

/// <summary><c>GET /api/economics</c> and <c>GET /api/valuation</c>: the CLI's JSON and CSV byte for byte, bad parameters named.</summary>
public sealed class EconomicsApiTests(WebStore store) : IClassFixture<WebStore>
{
    public static TheoryData<string, string> Parity => new()
    {
        { "/api/economics", "economics" },
        { "/api/economics?from=2024-01&to=2025-12&window=6", "economics --from 2024-01 --to 2025-12 --window 6" },
        { "/api/valuation", "valuation" },
        { "/api/valuation?month=2025-06", "valuation --month 2025-06" },
        { "/api/valuation?month=2025-12&growth_step=5&nrr_step=2.5&steps=3&segment=SMB", "valuation --month 2025-12 --growth-step 5 --nrr-step 2.5 --steps 3 --segment SMB" },
    };

    [Theory]
    [MemberData(nameof(Parity))]
    public async Task The_api_answers_the_same_json_and_csv_as_the_cli(string url, string command)
    {
        await store.ShouldAnswerLikeCliAsync(url, command.Split(' '));
    }

    [Theory]
    [InlineData("/api/economics?window=0", HttpStatusCode.BadRequest, "window")]
    [InlineData("/api/economics?window=37", HttpStatusCode.BadRequest, "window")]
    [InlineData("/api/economics?from=2025-06&to=2025-01", HttpStatusCode.BadRequest, "to")]
    [InlineData("/api/economics?from=June", HttpStatusCode.BadRequest, "from")]
    [InlineData("/api/economics?currency=JPY", HttpStatusCode.UnprocessableEntity, "currency")]
    [InlineData("/api/economics?format=pdf", HttpStatusCode.BadRequest, "format")]
    [InlineData("/api/valuation?month=2025-00", HttpStatusCode.BadRequest, "month")]
    [InlineData("/api/valuation?steps=11", HttpStatusCode.BadRequest, "steps")]
    [InlineData("/api/valuation?growth_step=-5", HttpStatusCode.BadRequest, "growth_step")]
    [InlineData("/api/valuation?nrr_step=101", HttpStatusCode.BadRequest, "nrr_step")]
    [InlineData("/api/valuation?segment=SMB&attr=broken", HttpStatusCode.BadRequest, "attr")]
    [InlineData("/api/valuation?currency=JPY", HttpStatusCode.UnprocessableEntity, "currency")]
    public async Task Bad_parameters_are_problem_details_naming_the_parameter(string url, HttpStatusCode status, string field)
    {
        using var response = await store.Client.GetAsync(Http.Url(url));

        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Without_costs_the_economics_say_so_for_each_cost_figure()
    {
        var json = await (await store.Client.GetAsync(Http.Url("/api/economics?from=2025-12&to=2025-12"))).JsonAsync();

        json.GetProperty("has_costs").GetBoolean().ShouldBeFalse();
        json.GetProperty("months")[0].GetProperty("cac_missing").GetString()!.ShouldContain("costs.csv");
    }
}
