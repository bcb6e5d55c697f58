using Microsoft.Playwright;
using RunRate.E2E.Tests.Support;
using RunRate.Storage;
using RunRate.Storage.Access;
using RunRate.Storage.Workspaces;

namespace RunRate.E2E.Tests;

/// <summary>The dashboard with sign-in required: /login with a real user, back to the page asked for, and a viewer's limits.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LoginTests(BrowserFixture fixture) : IAsyncLifetime
{
    private const string Password = "a long enough password";
    private DashboardServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await DashboardServer.StartAsync(customers: 120, open: false);
        using var access = AccessStores.Open(_server.Db);
        Assert.Equal(WriteOutcome.Done, access.AddUser("vera", Password));
        Assert.Equal(WriteOutcome.Done, access.SetMembership("vera", Workspace.Default, Role.Viewer));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_viewer_logs_in_through_the_login_page_sees_the_pipeline_without_write_buttons_and_a_write_is_refused()
    {
        var page = await fixture.NewPageAsync(_server, 1280, 900);
        await page.GotoAsync("/pipeline");
        await page.WaitForAddressAsync(url => url.Contains("/login?next=%2Fpipeline", StringComparison.Ordinal));

        await page.GetByTestId("login-user").FillAsync("vera");
        await page.GetByTestId("login-password").FillAsync("wrong password!");
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("login-error")).ToContainTextAsync("invalid user name or password");

        await page.GetByTestId("login-password").FillAsync(Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForAddressAsync(url => url.EndsWith("/pipeline", StringComparison.Ordinal));
        await page.WaitReadyAsync();
        await Assertions.Expect(page.GetByTestId("user-name")).ToHaveTextAsync("vera");
        await Assertions.Expect(page.GetByTestId("user-role")).ToHaveTextAsync("viewer");
        Assert.False(await page.GetByTestId("new-deal").IsVisibleAsync(), "a viewer sees no New deal button");
        Assert.False(await page.GetByTestId("nav-import").IsVisibleAsync(), "a viewer sees no Import page");

        // The overview shows figures.
        await page.GetByTestId("nav-overview").ClickAsync();
        await page.WaitReadyAsync();
        Assert.True(await page.Locator("[data-kpi]").CountAsync() > 0);

        // The server is the authority: a write sent anyway (with the session and its CSRF header) is refused.
        var status = await page.EvaluateAsync<int>("""
            async () => {
              const me = await (await fetch('/api/auth/me')).json();
              const res = await fetch('/api/contacts', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-RunRate-Csrf': me.csrf }, body: '{}' });
              return res.status;
            }
            """);
        Assert.Equal(403, status);

        await page.GetByTestId("logout").ClickAsync();
        await page.WaitForAddressAsync(url => url.Contains("/login", StringComparison.Ordinal));
        await page.GotoAsync("/");
        await page.WaitForAddressAsync(url => url.Contains("/login?next=", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }
}
