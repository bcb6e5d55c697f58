using System.Net;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Sales;

public sealed class SalesApiTests(WebStore store) : IClassFixture<WebStore>
{
    public static TheoryData<string, string> Parity => new()
    {
        { "/api/sales?from=2025-01&to=2025-12", "sales --from 2025-01 --to 2025-12" },
        { "/api/sales", "sales" },
        { "/api/renewals?from=2025-01&to=2026-06", "renewals --from 2025-01 --to 2026-06" },
        { "/api/renewals?min_interval=1", "renewals --min-interval 1" },
        { "/api/signals", "signals" },
        { "/api/signals?kind=upsell&min_score=30&as_of=2025-06-30", "signals --kind upsell --min-score 30 --as-of 2025-06-30" },
    };

    [Theory]
    [MemberData(nameof(Parity))]
    public async Task The_api_answers_the_same_json_and_csv_as_the_cli(string url, string command)
    {
        await store.ShouldAnswerLikeCliAsync(url, command.Split(' '));
    }

    [Theory]
    [InlineData("/api/signals?kind=everything", "kind")]
    [InlineData("/api/signals?as_of=2026-13-01", "as_of")]
    [InlineData("/api/signals?min_score=101", "min_score")]
    [InlineData("/api/renewals?min_interval=0", "min_interval")]
    [InlineData("/api/renewals?from=2026-05&to=2026-01", "to")]
    [InlineData("/api/sales?currency=EURO", "currency")]
    [InlineData("/api/sales?format=xml", "format")]
    public async Task Bad_parameters_are_a_400_naming_the_parameter(string url, string field)
    {
        using var response = await store.Client.GetAsync(Http.Url(url));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("/api/renewals?currency=JPY")]
    [InlineData("/api/signals?currency=JPY")]
    public async Task A_currency_without_exchange_rates_is_a_422_naming_the_lines(string url)
    {
        using var response = await store.Client.GetAsync(Http.Url(url));
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).ShouldContain("JPY");
    }

    [Fact]
    public async Task Every_listed_signal_has_at_least_one_reason_with_text_and_points()
    {
        var signals = (await (await store.Client.GetAsync(Http.Url("/api/signals"))).JsonAsync()).GetProperty("signals").EnumerateArray().ToList();
        signals.ShouldNotBeEmpty();
        foreach (var signal in signals)
        {
            var reasons = signal.GetProperty("reasons").EnumerateArray().ToList();
            reasons.ShouldNotBeEmpty();
            reasons.ShouldAllBe(r => r.GetProperty("text").GetString()!.Length > 10 && r.GetProperty("points").GetInt32() > 0);
            signal.GetProperty("score").GetInt32().ShouldBe(Math.Min(100, reasons.Sum(r => r.GetProperty("points").GetInt32())));
        }
    }
}
