using System.Collections.Concurrent;
using Jichitai.Platform.Persistence;
using Jichitai.Testing;

namespace Jichitai.Web.BrowserTests;

/// <summary>
/// One Playwright driver, one Chromium and one web app per database provider, shared by the tests of one class
/// (xUnit class fixture). Each test gets its own browser context (cookies, storage) from <see cref="BrowserTest"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium. The tests never download a browser (`playwright install` is not used).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"];

    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<WebAppFixture>>> _apps = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser was not started.");

    public async Task InitializeAsync()
    {
        // A missing browser is a failure with a clear message, never a skip: CI must not go green without these tests.
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}. The browser tests need Debian's Chromium: apt-get install -y chromium " +
                "(do not run `playwright install`).");
        _playwright = await Playwright.CreateAsync();
        try
        {
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
                Timeout = 60_000,
            });
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException($"Chromium at {ChromiumPath} could not be launched by Playwright: {e.Message}", e);
        }
    }

    /// <summary>The app over a fresh database of <paramref name="provider"/> (demo municipality seeded), served on real Kestrel. Created on first use.</summary>
    public Task<WebAppFixture> AppAsync(DatabaseProvider provider = DatabaseProvider.Sqlite) =>
        _apps.GetOrAdd(provider, p => new Lazy<Task<WebAppFixture>>(async () =>
        {
            var app = await WebAppFixture.CreateAsync(p, kestrel: true);
            if (app.KestrelAddress is null) throw new InvalidOperationException("the web app is not served on Kestrel");
            return app;
        })).Value;

    public async Task DisposeAsync()
    {
        foreach (var lazy in _apps.Values)
        {
            if (!lazy.IsValueCreated) continue;
            try { await (await lazy.Value).DisposeAsync(); }
            catch (Exception) when (lazy.Value.IsFaulted) { /* creation failed; the test already reported it */ }
        }
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
