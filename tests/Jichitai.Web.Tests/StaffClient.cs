using System.Net;
using System.Text.RegularExpressions;
using Jichitai.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Jichitai.Web.Tests;

/// <summary>An HTTP client that signs in through the real pages (password, then TOTP), keeping the cookie.</summary>
public static partial class StaffClient
{
    public static HttpClient Anonymous(WebAppFixture app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> SignedInAsync(WebAppFixture app, string userName, string password = Platform.Demo.DemoSeeder.Password)
    {
        var client = Anonymous(app);
        var step1 = await PostFormAsync(client, "/account/login", new() { ["UserName"] = userName, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, step1.StatusCode);
        Assert.StartsWith("/account/totp", step1.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        var step2 = await PostFormAsync(client, "/account/totp", new() { ["Code"] = await app.TotpCodeAsync(userName) });
        Assert.Equal(HttpStatusCode.Redirect, step2.StatusCode);
        Assert.Equal("/", step2.Headers.Location!.OriginalString);
        return client;
    }

    /// <summary>GETs the page for its antiforgery token, then posts the form.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, $"no antiforgery token on {path}");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
