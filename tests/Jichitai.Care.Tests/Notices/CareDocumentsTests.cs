using Jichitai.Care.Assessment;
using Jichitai.Care.Notices;
using Jichitai.Care.Persistence;
using Jichitai.Care.Qualification;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Care.Tests.Notices;

/// <summary>被保険者証 (交付・再交付 with 発行履歴) and the 決定・変更通知書, one person and a whole run, as PDFs read back.</summary>
public class CareDocumentsTests
{
    private static Task<CareDocument> Card(CareTestHost host, Tenant tenant, string addressee, string kind, string? reason) =>
        host.AsTenant<CareDocuments, CareDocument>(tenant, d => d.IssueCertificateAsync(tenant.Id, addressee, kind, reason, CareTestHost.Officer, default));

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.PostgreSql)]
    public async Task Card_IsIssued_ThenReissuedWithAReason_AndEachIssueIsInTheHistory(DatabaseProvider provider)
    {
        await using var host = await CareTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        await host.PersonAsync(tenant, "100001", new DateOnly(1950, 5, 1), name: "介護 花子");
        await host.PersonAsync(tenant, "100002", new DateOnly(1990, 5, 1)); // 36: not a 第1号被保険者

        var first = await Card(host, tenant, "100001", CertificateIssueKinds.Issue, null);
        Assert.True(PdfText.IsPdf(first.Pdf));
        Assert.Equal(1, PdfText.Pages(first.Pdf));
        var text = PdfText.Page(first.Pdf, 1);
        await using var db = host.Db(tenant);
        var insured = await db.Insured.SingleAsync(i => i.AddresseeNumber == "100001");
        Assert.Contains("介護保険被保険者証", text);
        Assert.Contains(insured.InsuredNumber, text);
        Assert.Contains("介護花子", text);
        Assert.Contains("昭和25年5月1日", text); // 生年月日 in 和暦
        Assert.Contains("平成27年4月30日", text); // 資格取得日: the day before the 65th birthday (介護保険法10条1号, 年齢計算ニ関スル法律)
        Assert.Contains("令和8年11月26日", text); // 交付年月日 (the test clock)
        Assert.Contains("千代田区長", text); // no 首長の職名 set: the tenant's name + 長
        Assert.Contains("131016", text.Replace(" ", "")); // 保険者番号 = 地方公共団体コード

        var refused = await Assert.ThrowsAsync<DomainException>(() => Card(host, tenant, "100001", CertificateIssueKinds.Reissue, "  "));
        Assert.Equal("reason", refused.Field);
        Assert.Contains("再交付の理由", refused.Message);
        var notInsured = await Assert.ThrowsAsync<DomainException>(() => Card(host, tenant, "100002", CertificateIssueKinds.Issue, null));
        Assert.Contains("第1号被保険者ではない", notInsured.Message);

        var second = await Card(host, tenant, "100001", CertificateIssueKinds.Reissue, "紛失");
        Assert.Contains("(再交付)", PdfText.Page(second.Pdf, 1));
        var history = await host.AsTenant<CareDocuments, IReadOnlyList<CertificateIssueRow>>(tenant, d => d.CertificateHistoryAsync(tenant.Id, "100001", default));
        Assert.Equal([(CertificateIssueKinds.Reissue, "紛失"), (CertificateIssueKinds.Issue, (string?)null)], history.Select(h => (h.Kind, h.Reason)).ToList());
        Assert.All(history, h => Assert.Equal(insured.InsuredNumber, h.InsuredNumber));
        Assert.Equal(2, await AuditCount(host, tenant, "care.card"));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.PostgreSql)]
    public async Task Notice_ShowsTheDecision_AndAfterACorrection_TheChangeWithDifferences(DatabaseProvider provider)
    {
        await using var host = await CareTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        await host.PersonAsync(tenant, "200001", new DateOnly(1950, 5, 1), name: "通知 一郎");
        await host.IncomeAsync(tenant, 2026, "200001", total: 1_500_000, pension: 0, other: 1_500_000, taxable: true); // 第7段階: 本人課税, 120万超210万以下
        await host.AsTenant<AssessmentRuns, AssessmentRunRow>(tenant, r => r.RunAsync(tenant.Id, 2026, CareTestHost.Officer, null, default));

        var decision = await host.AsTenant<CareDocuments, CareDocument>(tenant, d => d.NoticeAsync(tenant.Id, "200001", 2026, null, CareTestHost.Officer, default));
        var text = PdfText.Page(decision.Pdf, 1);
        Assert.Contains(PremiumNoticeLayout.DecisionTitle, text);
        Assert.Contains("令和8年度", text);
        Assert.Contains("第7段階", text);
        Assert.Contains("74,400円", text); // 基準額
        Assert.Contains("96,700円", text); // 74,400 × 1.3 = 96,720 → 100円未満切り捨て
        Assert.Contains("普通徴収", text);
        Assert.Contains("第1期", text);
        Assert.Contains("通知一郎　様", text);
        Assert.DoesNotContain("差額", text);

        // 修正: insured only from October → 6 months, a 更正 with before/after per installment.
        await host.AsTenant<QualificationService>(tenant, q => q.CorrectAsync(tenant.Id, "200001",
            [new QualificationPeriod(new DateOnly(2026, 10, 1), "転入", null, null)], "転入日の誤り", CareTestHost.Officer, default));
        var change = await host.AsTenant<CareDocuments, CareDocument>(tenant, d => d.NoticeAsync(tenant.Id, "200001", 2026, null, CareTestHost.Officer, default));
        var changed = PdfText.Page(change.Pdf, 1);
        Assert.Contains(PremiumNoticeLayout.ChangeTitle, changed);
        Assert.Contains("変更前", changed);
        Assert.Contains("差額", changed);
        Assert.Contains("6か月", changed);
        Assert.Contains("48,300円", changed); // 96,700 × 6/12 = 48,350 → 48,300
        var first = await host.AsTenant<CareDocuments, CareDocument>(tenant, d => d.NoticeAsync(tenant.Id, "200001", 2026, 1, CareTestHost.Officer, default));
        Assert.Contains(PremiumNoticeLayout.DecisionTitle, PdfText.Page(first.Pdf, 1)); // an earlier revision prints again as it was
        Assert.Equal(3, await AuditCount(host, tenant, "care.notice"));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.PostgreSql)]
    public async Task RunNotices_HaveOnePagePerPersonTheRunAssessed_InOnePdf(DatabaseProvider provider)
    {
        await using var host = await CareTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        for (var i = 0; i < 200; i++) await host.PersonAsync(tenant, $"3{i:D5}", new DateOnly(1940 + i % 20, 1 + i % 12, 1), household: $"H{i}");
        await host.PersonAsync(tenant, "399999", new DateOnly(1990, 1, 1)); // not insured: no notice
        var run = await host.AsTenant<AssessmentRuns, AssessmentRunRow>(tenant, r => r.RunAsync(tenant.Id, 2026, CareTestHost.Officer, null, default));

        var batch = await host.AsTenant<CareDocuments, CareDocument>(tenant, d => d.RunNoticesAsync(tenant.Id, run.Id, CareTestHost.Officer, default));
        Assert.True(PdfText.IsPdf(batch.Pdf));
        Assert.Equal(200, batch.Pages);
        Assert.Equal(200, PdfText.Pages(batch.Pdf));
        Assert.Contains("1/200", PdfText.Page(batch.Pdf, 1));
        Assert.Contains(PremiumNoticeLayout.DecisionTitle, PdfText.Page(batch.Pdf, 200));
        Assert.Equal(1, await AuditCount(host, tenant, "care.run", AuditActions.CareDocument));
    }

    private static async Task<int> AuditCount(CareTestHost host, Tenant tenant, string targetType, string action = AuditActions.CareDocument)
    {
        await using var platform = PlatformDatabase.Create(host.Database.Settings.Database, TenantScope.ForTenant(tenant.Id));
        return await platform.AuditEntries.CountAsync(e => e.Action == action && e.TargetType == targetType);
    }
}
