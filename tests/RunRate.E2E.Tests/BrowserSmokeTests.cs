using RunRate.E2E.Tests.Support;

namespace RunRate.E2E.Tests;

[Collection(BrowserCollection.Name)]
public sealed class BrowserSmokeTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Headless_chromium_renders_and_runs_script()
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.SetContentAsync("<p id='x'></p><script>document.getElementById('x').textContent = (6 * 7).toString();</script>");

        Assert.Equal("42", await page.TextContentAsync("#x"));
        await page.CloseAsync();
    }
}
