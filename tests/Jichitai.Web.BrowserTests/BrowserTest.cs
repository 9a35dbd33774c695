using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Jichitai.Platform.Demo;
using Jichitai.Platform.Persistence;
using Jichitai.Testing;
using static Microsoft.Playwright.Assertions;

namespace Jichitai.Web.BrowserTests;

/// <summary>
/// Base of the browser tests: a fresh browser context per test, helpers for the two-step sign-in, and a screenshot
/// (plus the page's HTML) under bin/…/screenshots/ when a test fails.
/// </summary>
public abstract class BrowserTest(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static readonly string ScreenshotDirectory = Path.Combine(AppContext.BaseDirectory, "screenshots");

    protected BrowserFixture Fixture { get; } = fixture;

    static BrowserTest()
    {
        // Kestrel, EF and Chromium share two cores with other test classes: allow for a slow machine.
        SetDefaultExpectTimeout(15_000);
    }

    /// <summary>Runs <paramref name="body"/> in a new browser context; on failure saves a screenshot and the HTML, then rethrows.</summary>
    protected async Task InBrowserAsync(WebAppFixture app, Func<IPage, Task> body, string? variant = null, [CallerMemberName] string test = "")
    {
        var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.KestrelAddress!.ToString().TrimEnd('/'),
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        context.SetDefaultNavigationTimeout(30_000);
        var page = await context.NewPageAsync();
        var cspViolations = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error" && m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) cspViolations.Add(m.Text); };
        try
        {
            await body(page);
            Assert.True(cspViolations.Count == 0, "Content-Security-Policy violations: " + string.Join(" | ", cspViolations));
        }
        catch (Exception)
        {
            await SaveFailureAsync(page, $"{GetType().Name}.{test}{(variant is null ? "" : "-" + variant)}");
            throw;
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static async Task SaveFailureAsync(IPage page, string name)
    {
        try
        {
            Directory.CreateDirectory(ScreenshotDirectory);
            var file = Path.Combine(ScreenshotDirectory, $"FAILED-{Sanitize(name)}-{DateTime.UtcNow:HHmmss}");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file + ".png", FullPage = true, Timeout = 10_000 });
            await File.WriteAllTextAsync(file + ".html", $"<!-- {page.Url} -->\n" + await page.ContentAsync());
            Console.Error.WriteLine($"Browser test failed at {page.Url}; screenshot: {file}.png");
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"Could not save the failure screenshot of {name}: {e.Message}");
        }
    }

    /// <summary>Saves a screenshot on purpose (for looking at the rendering of Japanese text).</summary>
    protected static async Task<string> SaveScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var file = Path.Combine(ScreenshotDirectory, Sanitize(name) + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        return file;
    }

    private static string Sanitize(string name) => Regex.Replace(name, @"[^\w.\-]", "_");

    // ---- sign-in ----

    /// <summary>Step 1: user id and password on /account/login, submitted with the button.</summary>
    protected static async Task SubmitPasswordAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("#UserName").FillAsync(userName);
        await page.Locator("#Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "次へ(確認コードの入力)" }).ClickAsync();
    }

    /// <summary>Step 2: the TOTP code, read from the stored key like an authenticator app would compute it.</summary>
    protected static async Task SubmitTotpAsync(IPage page, WebAppFixture app, string userName)
    {
        await Expect(page).ToHaveURLAsync(new Regex("/account/totp", RegexOptions.IgnoreCase));
        await page.Locator("#Code").FillAsync(await app.TotpCodeAsync(userName));
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン", Exact = true }).ClickAsync();
    }

    /// <summary>Full two-factor sign-in; ends on the dashboard.</summary>
    protected static async Task SignInAsync(IPage page, WebAppFixture app, string userName, string password = DemoSeeder.Password)
    {
        await SubmitPasswordAsync(page, userName, password);
        await SubmitTotpAsync(page, app, userName);
        await Expect(page.GetByTestId("dashboard")).ToBeVisibleAsync();
    }

    protected static ILocator MainMenu(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" });

    protected static Task<WebAppFixture> SqliteAppAsync(BrowserFixture fixture) => fixture.AppAsync(DatabaseProvider.Sqlite);
}
