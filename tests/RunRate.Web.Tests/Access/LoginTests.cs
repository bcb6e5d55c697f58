using System.Net;
using Microsoft.Net.Http.Headers;
using RunRate.Storage.Access;
using RunRate.Storage.Workspaces;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Access;

/// <summary>Sign-in, lockout, the session cookie, sign-out and token expiry against the real access store.</summary>
public sealed class LoginTests : IDisposable
{
    private readonly AccessWebApp _app = new();

    [Fact]
    public async Task Five_failures_lock_the_user_out_even_with_the_right_password_until_15_minutes_pass()
    {
        using var client = _app.Anonymous();
        for (var i = 0; i < AccessPolicy.MaxFailures; i++)
        {
            using var wrong = await Login(client, "viewer", "wrong password " + i);
            wrong.StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests);
        }

        using (var locked = await Login(client, "viewer", AccessWebApp.Password))
        {
            locked.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            locked.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
            var problem = await locked.JsonAsync();
            problem.GetProperty("locked_until").GetString().ShouldBe("2026-01-15T12:15:00Z");
        }

        _app.Clock.Advance(AccessPolicy.Lockout + TimeSpan.FromSeconds(1));
        using var ok = await Login(client, "viewer", AccessWebApp.Password);
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unknown_user_and_wrong_password_get_the_same_401_and_a_disabled_user_403()
    {
        using var client = _app.Anonymous();
        using var unknown = await Login(client, "nobody", AccessWebApp.Password);
        using var wrong = await Login(client, "sales", "not the password");
        unknown.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await unknown.JsonAsync()).GetProperty("title").GetString().ShouldBe((await wrong.JsonAsync()).GetProperty("title").GetString());
        (await unknown.JsonAsync()).GetProperty("title").GetString().ShouldBe("Invalid user name or password.");

        _app.Access.SetDisabled("finance", true).ShouldBe(Storage.WriteOutcome.Done);
        using var disabled = await Login(client, "finance", AccessWebApp.Password);
        disabled.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_strict_and_sign_out_ends_even_a_copy_of_it()
    {
        using var client = _app.Anonymous();
        using var login = await Login(client, "admin", AccessWebApp.Password);
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cookie = SetCookieHeaderValue.Parse(login.Headers.GetValues("Set-Cookie").Single(h => h.StartsWith("runrate_session=", StringComparison.Ordinal)));
        cookie.HttpOnly.ShouldBeTrue();
        cookie.SameSite.ShouldBe(SameSiteMode.Strict);
        cookie.Path.ToString().ShouldBe("/");
        cookie.Secure.ShouldBeFalse(); // plain http here; over https the cookie is Secure (SameAsRequest)
        var csrf = (await login.JsonAsync()).GetProperty("csrf").GetString()!;

        using var copy = _app.WithToken("none");
        copy.DefaultRequestHeaders.Authorization = null;
        copy.DefaultRequestHeaders.Add("Cookie", $"runrate_session={cookie.Value}");
        (await copy.GetAsync(Http.Url("/api/auth/me"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var logout = new HttpRequestMessage(HttpMethod.Post, Http.Url("/api/auth/logout"));
        logout.Headers.Add("X-RunRate-Csrf", csrf);
        (await client.SendAsync(logout)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync(Http.Url("/api/auth/me"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await copy.GetAsync(Http.Url("/api/auth/me"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Over_https_the_session_cookie_is_secure()
    {
        using var client = _app.Anonymous();
        client.BaseAddress = new Uri("https://localhost");
        using var login = await Login(client, "admin", AccessWebApp.Password);
        SetCookieHeaderValue.Parse(login.Headers.GetValues("Set-Cookie").Single(h => h.StartsWith("runrate_session=", StringComparison.Ordinal))).Secure.ShouldBeTrue();
    }

    [Fact]
    public async Task An_expired_or_revoked_token_gets_401()
    {
        var expiring = _app.Access.CreateToken("short", Workspace.Default, Role.Viewer, WebStore.Now.AddHours(1), "test").Secret;
        var revoked = _app.Access.CreateToken("gone", Workspace.Default, Role.Viewer, null, "test");
        using var client = _app.WithToken(expiring);
        (await client.GetAsync(Http.Url("/api/meta"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var gone = _app.WithToken(revoked.Secret);
        (await gone.GetAsync(Http.Url("/api/meta"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var admin = _app.WithToken(_app.Tokens[Role.Admin]);
        (await admin.DeleteAsync(Http.Url("/api/tokens/" + revoked.Info.Id))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await gone.GetAsync(Http.Url("/api/meta"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        _app.Clock.Advance(TimeSpan.FromHours(2));
        (await client.GetAsync(Http.Url("/api/meta"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var forged = _app.WithToken("rr_notARealTokenAtAll");
        (await forged.GetAsync(Http.Url("/api/meta"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_admin_creates_a_token_whose_secret_is_shown_once_and_works_in_its_workspace_only()
    {
        using var admin = _app.WithToken(_app.Tokens[Role.Admin]);
        using var created = await admin.PostAsync(Http.Url("/api/tokens"), Http.Json("""{"name":"ci","role":"viewer"}"""));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var secret = (await created.JsonAsync()).GetProperty("secret").GetString()!;
        secret.ShouldStartWith("rr_");
        (await admin.GetStringAsync(Http.Url("/api/tokens"))).ShouldNotContain(secret);
        (await admin.GetStringAsync(Http.Url("/api/users"))).ShouldContain("\"name\":\"viewer\",\"role\":\"viewer\"");

        using var ci = _app.WithToken(secret);
        (await ci.GetAsync(Http.Url("/api/customers"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ci.PostAsync(Http.Url("/api/contacts"), Http.Json("{}"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ci.GetAsync(Http.Url("/api/tokens"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Neither_passwords_nor_token_secrets_reach_the_log()
    {
        using var client = _app.Anonymous();
        using (await Login(client, "sales", "a wrong secret password")) { }
        using (await Login(client, "sales", AccessWebApp.Password)) { }
        foreach (var secret in _app.Tokens.Values)
        {
            using var token = _app.WithToken(secret);
            using (await token.GetAsync(Http.Url("/api/meta"))) { }
            using (await token.PostAsync(Http.Url("/api/tokens"), Http.Json("""{"name":"x","role":"viewer"}"""))) { }
        }

        _app.Logs.ShouldNotBeEmpty();
        var log = string.Join('\n', _app.Logs);
        log.ShouldNotContain(AccessWebApp.Password);
        log.ShouldNotContain("a wrong secret password");
        log.ShouldNotContain("rr_");
    }

    public void Dispose() => _app.Dispose();

    private static Task<HttpResponseMessage> Login(HttpClient client, string user, string password) =>
        client.PostAsync(Http.Url("/api/auth/login"), Http.Json(System.Text.Json.JsonSerializer.Serialize(new { user, password })));
}
