using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jichitai.Care.Ordinance;
using Jichitai.Care.Pages.Care;
using Jichitai.Care.Persistence;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Web.Tests.Care;

/// <summary>The 介護保険 pages over HTTP as the 介護担当 (demo-kaigo) uses them.</summary>
public partial class CarePageTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_PersonWithExplanation_Notice_AndACancelWithoutReasonIsRefusedInJapanese(DatabaseProvider provider)
    {
        await using var app = await WebAppFixture.CreateAsync(provider);
        var tenantId = await CareSeed.DemoTenantIdAsync(app);
        await CareSeed.PersonAsync(app, tenantId, "500001", "介護 花子", "カイゴ ハナコ", new DateOnly(1950, 5, 1), totalIncome: 1_500_000);
        await CareSeed.RunAsync(app, tenantId);
        var client = await StaffClient.SignedInAsync(app, "demo-kaigo");

        var home = WebUtility.HtmlDecode(await client.GetStringAsync("/"));
        Assert.Contains("href=\"/care\"", home); // the menu shows 介護保険 to the 介護担当
        var hits = WebUtility.HtmlDecode(await client.GetStringAsync("/care?term=カイゴ"));
        Assert.Contains("href=\"/care/person/500001\"", hits);
        Assert.Contains("介護 花子", hits);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/care/person/500001"));
        Assert.Contains("第7段階", page);
        Assert.Contains("基準額(年額)74,400円 × 保険料率 1.3 = 96,720円、100円未満切り捨てで年額 96,700円。", page); // the explanation in plain words
        Assert.Contains("data-testid=\"notice-link\"", page);

        var notice = await client.GetAsync("/care/person/500001?handler=Notice&year=2026");
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        Assert.Equal("application/pdf", notice.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await notice.Content.ReadAsByteArrayAsync())[..5]));

        var refused = await PostAsync(client, "/care/person/500001", "Cancel", new() { ["Reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var body = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("取消の理由を入力してください。", body);
        await using var db = CareDatabase.Create(app.Database.Settings.Database, TenantScope.ForTenant(tenantId));
        Assert.False((await db.Insured.SingleAsync(i => i.AddresseeNumber == "500001")).Cancelled);

        var card = await PostAsync(client, "/care/person/500001", "Card", new() { ["CardKind"] = "交付" });
        Assert.Equal("application/pdf", card.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<td>交付</td>", WebUtility.HtmlDecode(await client.GetStringAsync("/care/person/500001"))); // 発行履歴

        // 住所地特例: a period added with a reason is listed (and in the 資格異動履歴).
        var status = await PostAsync(client, "/care/person/500001", "Status", new()
        {
            ["Kind"] = "AddressException", ["Statuses[0].From"] = "2026-06-01", ["Statuses[0].Note"] = "特別養護老人ホーム(隣市)", ["Reason"] = "施設入所の届出",
        });
        Assert.Equal(HttpStatusCode.Redirect, status.StatusCode);
        var withStatus = WebUtility.HtmlDecode(await client.GetStringAsync("/care/person/500001"));
        Assert.Contains("value=\"2026-06-01\"", withStatus);
        Assert.Contains("<td>住所地特例</td><td>施設入所の届出</td>", withStatus);

        // 減免: entered on the person page; the same officer may not decide it (the service's message is shown).
        var applied = await PostAsync(client, "/care/person/500001?year=2026", "Reduction",
            new() { ["RuleCode"] = "DISASTER", ["FromMonth"] = "4", ["ToMonth"] = "9", ["Details"] = "台風による床上浸水" });
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var pending = WebUtility.HtmlDecode(await client.GetStringAsync("/care/reductions"));
        var id = Regex.Match(pending, "name=\"Id\" value=\"([0-9]+)\"").Groups[1].Value;
        var same = await PostAsync(client, "/care/reductions", "Approve", new() { ["Id"] = id, ["Note"] = "" });
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Contains("減免の決定は、申請を入力した職員とは別の職員が行ってください。", WebUtility.HtmlDecode(await same.Content.ReadAsStringAsync()));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OrdinanceEdit_ADescendingBoundShowsTheFieldErrorAndSavesNothing_AValidOneIsVersion1(DatabaseProvider provider)
    {
        await using var app = await WebAppFixture.CreateAsync(provider);
        var tenantId = await CareSeed.DemoTenantIdAsync(app);
        var client = await StaffClient.SignedInAsync(app, "demo-kaigo");

        var standard = OrdinanceForm.From(NationalStandard.Fy2024To2026());
        var bad = Fields(standard, "第10期に向けた改正");
        bad["Form.Stages[6].UpperBound"] = "1000000"; // 第7段階 below 第6段階's 1,200,000
        var refused = await PostAsync(client, "/care/ordinance?year=2026", null, bad);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var stageErrors = StageErrors().Match(html);
        Assert.True(stageErrors.Success);
        Assert.Contains("第7段階の所得の上限(1,000,000円)は、第6段階の上限(1,200,000円)より大きくしてください。", stageErrors.Value);
        await using (var db = CareDatabase.Create(app.Database.Settings.Database, TenantScope.ForTenant(tenantId)))
            Assert.Equal(0, await db.Ordinances.CountAsync());

        var good = Fields(standard, "基準額の改定(条例第12号)");
        good["Form.BaseAnnualPremium"] = "75,600";
        var saved = await PostAsync(client, "/care/ordinance?year=2026", null, good);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = WebUtility.HtmlDecode(await client.GetStringAsync("/care/ordinance?year=2026"));
        Assert.Contains("適用中: 第1版", after);
        Assert.Contains("75,600円", after);
        Assert.Contains("基準額の改定(条例第12号)", after);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunStartedFromThePage_CompletesInTheBackground_AndTheRunPageShowsTheChart(DatabaseProvider provider)
    {
        await using var app = await WebAppFixture.CreateAsync(provider);
        var tenantId = await CareSeed.DemoTenantIdAsync(app);
        for (var i = 0; i < 12; i++)
            await CareSeed.PersonAsync(app, tenantId, $"6{i:D5}", $"本算定 {i}", "ホンサンテイ", new DateOnly(1945, 1 + i, 1), totalIncome: i % 3 == 0 ? null : 500_000L * i);
        var client = await StaffClient.SignedInAsync(app, "demo-kaigo");

        var started = await PostAsync(client, "/care/runs", null, new() { ["Year"] = "2026" });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var location = started.Headers.Location!.OriginalString;
        Assert.Matches("^/care/runs/[0-9]+$", location);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var progress = JsonDocument.Parse(await client.GetStringAsync(location + "?handler=Progress"));
            if (progress.RootElement.GetProperty("state").GetString() == "Completed")
            {
                Assert.Equal(12, progress.RootElement.GetProperty("processed").GetInt32());
                break;
            }
            Assert.DoesNotContain("エラー", progress.RootElement.GetProperty("label").GetString());
            Assert.True(DateTime.UtcNow < deadline, "the run did not complete");
            await Task.Delay(200);
        }
        var run = WebUtility.HtmlDecode(await client.GetStringAsync(location));
        Assert.Contains("<svg", run);
        Assert.Contains("data-testid=\"stage-chart\"", run);
        Assert.Contains("class=\"bar-current\"", run);
        Assert.Contains("<td class=\"num\" data-testid=\"total-persons\">12</td>", run);
        Assert.Contains("data-testid=\"batch-notices\"", run);
        var batch = await client.GetAsync(location + "?handler=Notices");
        Assert.Equal("application/pdf", batch.Content.Headers.ContentType!.MediaType);

        // A second run of the year compares with the first: the previous bars appear.
        var again = await PostAsync(client, "/care/runs", null, new() { ["Year"] = "2026" });
        var second = again.Headers.Location!.OriginalString;
        Assert.NotEqual(location, second);
        deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await client.GetStringAsync(second + "?handler=Progress")).Contains("\"Completed\"")) { Assert.True(DateTime.UtcNow < deadline); await Task.Delay(200); }
        Assert.Contains("class=\"bar-previous\"", await client.GetStringAsync(second));
    }

    private static Dictionary<string, string> Fields(OrdinanceForm f, string reason)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.BaseAnnualPremium"] = f.BaseAnnualPremium!, ["Form.PublicAssistanceStage"] = f.PublicAssistanceStage.ToString(),
            ["Form.UndeclaredStage"] = f.UndeclaredStage!, ["Form.RoundingUnit"] = f.RoundingUnit!, ["Form.RoundingMode"] = f.RoundingMode.ToString(),
            ["Form.OrdinaryDueMonths"] = f.OrdinaryDueMonths!, ["Form.SpecialCollectionThreshold"] = f.SpecialCollectionThreshold!,
            ["Form.InstallmentUnit"] = f.InstallmentUnit!, ["Form.ProvisionalPreparationMonth"] = f.ProvisionalPreparationMonth!, ["Reason"] = reason,
        };
        for (var i = 0; i < f.Stages.Count; i++)
        {
            var s = f.Stages[i];
            fields[$"Form.Stages[{i}].Scope"] = s.Scope.ToString();
            fields[$"Form.Stages[{i}].UpperBound"] = s.UpperBound ?? "";
            if (s.UpperInclusive) fields[$"Form.Stages[{i}].UpperInclusive"] = "true";
            fields[$"Form.Stages[{i}].Ratio"] = s.Ratio!;
            fields[$"Form.Stages[{i}].ReducedRatio"] = s.ReducedRatio ?? "";
        }
        for (var i = 0; i < f.ReductionRules.Count; i++)
        {
            var r = f.ReductionRules[i];
            fields[$"Form.ReductionRules[{i}].Code"] = r.Code!;
            fields[$"Form.ReductionRules[{i}].Reason"] = r.Reason!;
            fields[$"Form.ReductionRules[{i}].Condition"] = r.Condition!;
            fields[$"Form.ReductionRules[{i}].Rate"] = r.Rate ?? "";
            fields[$"Form.ReductionRules[{i}].Amount"] = r.Amount ?? "";
            fields[$"Form.ReductionRules[{i}].MaxMonths"] = r.MaxMonths!;
        }
        return fields;
    }

    /// <summary>GETs the page for its antiforgery token, then posts the form to the handler.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string? handler, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        var target = handler is null ? path : path + (path.Contains('?') ? "&" : "?") + "handler=" + handler;
        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("<div data-testid=\"stage-errors\">.*?</div>", RegexOptions.Singleline)]
    private static partial Regex StageErrors();
}
