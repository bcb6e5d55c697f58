using System.Net;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Fuzz;

/// <summary>A NUL in any JSON string is a 400 naming the field on both engines (PostgreSQL cannot store one).</summary>
public sealed class NulCharacterTests(FuzzWebStore web) : IClassFixture<FuzzWebStore>
{
    [Theory]
    [InlineData("/api/customers", """{"customer_id":"C\u0000X","name":"Nul"}""", "customer_id")]
    [InlineData("/api/customers", """{"customer_id":"CNUL","name":"a\u0000b"}""", "name")]
    [InlineData("/api/lines", """{"line_id":"LNUL","customer_id":"C00001","kind":"one_time","start_date":"2025-01-01","amount":1,"currency":"US\u0000D"}""", "currency")]
    public async Task A_nul_in_a_json_string_is_a_400_naming_the_field_and_writes_nothing(string url, string body, string field)
    {
        var before = web.Revision();

        using var response = await web.Client.PostAsync(Http.Url(url), Http.Json(body));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        errors.GetProperty(field)[0].GetString().ShouldBe("must not contain a NUL character (\\u0000)");
        web.Revision().ShouldBe(before);
    }
}
