using System.Globalization;
using Microsoft.Playwright;

namespace RunRate.E2E.Tests.Support;

/// <summary>
/// What every dashboard test does with a page: open it at a size and colour scheme against a server,
/// wait until the page says its data is on screen (<c>main[data-state=ready]</c>), read the exact
/// figures the page exposes in <c>data-value</c>, and keep a screenshot.
/// </summary>
public static class DashboardPages
{
    public static async Task<IPage> NewPageAsync(this BrowserFixture browser, DashboardServer server, int width, int height, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, ColorScheme = scheme, BaseURL = server.Address });
        return await context.NewPageAsync();
    }

    public static async Task OpenAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitReadyAsync();
    }

    /// <summary>
    /// Waits until the page's address satisfies <paramref name="matches"/>. Polls <c>location.href</c>
    /// instead of <c>WaitForURLAsync</c>, whose check-then-subscribe can miss a pushState made by the
    /// client-side router between the two (microsoft/playwright-dotnet#3364), which made CI flaky, and whose
    /// wait for the load event after a full-page redirect timed out on a slow run (the login redirect).
    /// </summary>
    public static async Task WaitForAddressAsync(this IPage page, Func<string, bool> matches, int timeoutMs = 20_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        var href = "";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                href = await page.EvaluateAsync<string>("() => location.href");
                if (matches(href))
                {
                    return;
                }
            }
            catch (PlaywrightException)
            {
                // A full-page navigation destroyed the context mid-evaluation: ask the new page next time.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"the address never matched within {timeoutMs} ms; it is {href}");
    }

    public static Task WaitReadyAsync(this IPage page) =>
        page.WaitForSelectorAsync("main#main[data-state='ready']", new() { Timeout = 20_000 });

    public static async Task<decimal> KpiAsync(this IPage page, string kpi) =>
        decimal.Parse(await page.Locator($"[data-kpi='{kpi}']").GetAttributeAsync("data-value") ?? "", CultureInfo.InvariantCulture);

    /// <summary>Waits until the element shows exactly <paramref name="expected"/> in cents (live refreshes take a moment).</summary>
    public static Task ExpectValueAsync(this IPage page, string selector, decimal expected) =>
        page.WaitForSelectorAsync($"{selector}[data-value='{expected.ToString("0.00", CultureInfo.InvariantCulture)}']", new() { Timeout = 10_000 });

    public static Task ExpectKpiAsync(this IPage page, string kpi, decimal expected) => page.ExpectValueAsync($"[data-kpi='{kpi}']", expected);

    /// <summary>
    /// Null when the page does not scroll sideways; else what sticks out (the outermost elements whose
    /// right edge passes the viewport), so a failure says where to look.
    /// </summary>
    public static async Task<string?> SidewaysOverflowAsync(this IPage page) =>
        await page.EvaluateAsync<string?>(
            """
            () => {
              if (document.documentElement.scrollWidth <= window.innerWidth + 1) return null;
              const out = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                && !(e.parentElement && e.parentElement.getBoundingClientRect().right > window.innerWidth + 1));
              return `scrollWidth ${document.documentElement.scrollWidth}: ` + out.slice(0, 5).map(e =>
                `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}[${e.dataset.testid || ''}] right ${Math.round(e.getBoundingClientRect().right)}`).join('; ');
            }
            """);

    public static async Task ShotAsync(this IPage page, string name)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)"); // else the sticky top bar lands mid-page in a full-page shot
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, name + ".png"), FullPage = true });
    }
}
