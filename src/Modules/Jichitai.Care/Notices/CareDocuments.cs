using System.Globalization;
using Jichitai.Care.Assessment;
using Jichitai.Care.Persistence;
using Jichitai.Care.Qualification;
using Jichitai.Documents;
using Jichitai.Platform;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Settings;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Care.Notices;

/// <summary>A rendered document: the PDF and the file name to offer.</summary>
public sealed record CareDocument(byte[] Pdf, string FileName, int Pages);

public static class CertificateIssueKinds
{
    public const string Issue = "交付";
    public const string Reissue = "再交付";
}

/// <summary>
/// 帳票 of 介護保険: the 被保険者証 (交付・再交付, each recorded as 発行履歴), the 保険料額決定通知書 / 変更通知書 of one person,
/// and the notices of a whole 本算定 run in one PDF (streamed page by page). Every output is in the access log.
/// </summary>
public sealed class CareDocuments(PlatformSettings settings, PlatformDbContext platform, TenantSettingsService tenantSettings, IAuditLog audit, TimeProvider clock)
{
    /// <summary>Rows read per query for a batch (the PDF itself is streamed, so memory does not grow with the run).</summary>
    public int BatchChunk { get; set; } = 500;

    /// <summary>交付 or 再交付 of the 被保険者証: the issue is recorded, then the card is rendered. 再交付 needs a reason and an earlier issue.</summary>
    public async Task<CareDocument> IssueCertificateAsync(int tenantId, string addresseeNumber, string kind, string? reason, AuditActor actor, CancellationToken ct)
    {
        if (kind is not (CertificateIssueKinds.Issue or CertificateIssueKinds.Reissue))
            throw new DomainException("care.card.kind", "交付か再交付かを選んでください。", "kind");
        if (kind == CertificateIssueKinds.Reissue && string.IsNullOrWhiteSpace(reason))
            throw new DomainException("care.card.reason", "再交付の理由(紛失、破損など)を入力してください。", "reason");
        var now = clock.GetUtcNow().UtcDateTime;
        var today = JapanTime.Today(clock);
        await using var db = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.AddresseeNumber == addresseeNumber, ct)
            ?? throw new DomainException("care.person.not-found", "この宛名番号の方は住民記録から連携されていません。", "addresseeNumber", 404);
        var insured = await db.Insured.AsNoTracking().SingleOrDefaultAsync(i => i.AddresseeNumber == addresseeNumber, ct);
        var periods = insured is null || insured.Cancelled ? [] : CareJson.Read<List<QualificationPeriod>>(insured.Periods);
        var current = periods.LastOrDefault(p => p.Covers(today));
        if (insured is null || current is null)
            throw new DomainException("care.card.not-insured", "この方は現在、介護保険の第1号被保険者ではないため、被保険者証を交付できません。", "addresseeNumber");
        var earlier = await db.CertificateIssues.AnyAsync(c => c.AddresseeNumber == addresseeNumber, ct);
        if (kind == CertificateIssueKinds.Reissue && !earlier)
            throw new DomainException("care.card.no-issue", "交付の記録がないため再交付できません。交付を選んでください。", "kind");
        var issuer = await CareIssuer.LoadAsync(platform, tenantSettings, tenantId, today, ct);
        var issue = new CertificateIssueRow
        {
            TenantId = tenantId, AddresseeNumber = addresseeNumber, InsuredNumber = insured.InsuredNumber, Kind = kind,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), IssuedAt = now, IssuedBy = actor.Name,
        };
        db.CertificateIssues.Add(issue);
        await db.SaveChangesAsync(ct);

        using var builder = new DocumentBuilder(new DocumentOptions { Title = "介護保険被保険者証", CreatedAt = new DateTimeOffset(now, TimeSpan.Zero), PageNumbers = false });
        InsuredCardLayout.Draw(builder.AddPage(), new InsuredCardInput(insured.InsuredNumber, person.PostalCode, person.Address ?? "", person.NameKana, person.Name,
            person.BirthDate, person.Gender, today, current.AcquiredOn, kind, issuer, issue.Id));
        var result = builder.Build();
        await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.CareDocument, TargetType: "care.card", TargetId: issue.Id.ToString(CultureInfo.InvariantCulture),
            SubjectId: addresseeNumber, Reason: issue.Reason, Detail: $"被保険者証 {kind} 被保険者番号{insured.InsuredNumber}"), ct);
        return new CareDocument(result.Pdf, $"hihokenshasho-{insured.InsuredNumber}-{issue.Id}.pdf", result.PageCount);
    }

    /// <summary>発行履歴 of a person's 被保険者証, newest first.</summary>
    public async Task<IReadOnlyList<CertificateIssueRow>> CertificateHistoryAsync(int tenantId, string addresseeNumber, CancellationToken ct)
    {
        await using var db = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        return await db.CertificateIssues.AsNoTracking().Where(c => c.AddresseeNumber == addresseeNumber).OrderByDescending(c => c.Id).ToListAsync(ct);
    }

    /// <summary>決定通知書 (or 変更通知書 for a 更正) of one person and year: the current revision, or the one given.</summary>
    public async Task<CareDocument> NoticeAsync(int tenantId, string addresseeNumber, int fiscalYear, int? revision, AuditActor actor, CancellationToken ct)
    {
        await using var db = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var q = db.Assessments.AsNoTracking().Where(a => a.AddresseeNumber == addresseeNumber && a.FiscalYear == fiscalYear);
        var row = await (revision is { } r ? q.Where(a => a.Revision == r) : q.Where(a => a.IsCurrent)).SingleOrDefaultAsync(ct)
            ?? throw new DomainException("care.assessment.not-found", "この年度の保険料はまだ算定されていません。", "fiscalYear", 404);
        var before = row.Revision > 1 ? await q.SingleOrDefaultAsync(a => a.Revision == row.Revision - 1, ct) : null;
        var person = await db.People.AsNoTracking().SingleAsync(p => p.AddresseeNumber == addresseeNumber, ct);
        var insured = await db.Insured.AsNoTracking().SingleAsync(i => i.AddresseeNumber == addresseeNumber, ct);
        var today = JapanTime.Today(clock);
        var issuer = await CareIssuer.LoadAsync(platform, tenantSettings, tenantId, today, ct);
        var view = AssessmentQueries.View(row, before);
        var title = PremiumNoticeLayout.TitleOf(view);
        using var builder = new DocumentBuilder(Options(title, false));
        PremiumNoticeLayout.Draw(builder.AddPage(), new PremiumNoticeInput(person, insured.InsuredNumber, view, today, issuer));
        var result = builder.Build();
        await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.CareDocument, TargetType: "care.notice", TargetId: $"{fiscalYear}/{addresseeNumber}/{row.Revision}",
            SubjectId: addresseeNumber, Detail: $"{title} {fiscalYear}年度 第{row.Revision}回"), ct);
        return new CareDocument(result.Pdf, $"kaigo-hokenryo-{fiscalYear}-{insured.InsuredNumber}-{row.Revision}.pdf", result.PageCount);
    }

    /// <summary>
    /// The notices of everyone whose assessment a run wrote (care_assessments.run_id), one page each, written to
    /// <paramref name="output"/> as they are laid out. Returns the number of notices; one audit line for the batch.
    /// </summary>
    public async Task<int> RunNoticesAsync(int tenantId, long runId, Stream output, AuditActor actor, CancellationToken ct)
    {
        await using var db = CareDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var run = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, ct)
            ?? throw new DomainException("care.run.not-found", "指定された本算定の実行記録はありません。", "id", 404);
        var total = await db.Assessments.CountAsync(a => a.RunId == runId, ct);
        if (total == 0) throw new DomainException("care.run.no-notices", "この本算定で保険料が決まった方がいないため、通知書はありません。", "id", 404);
        var today = JapanTime.Today(clock);
        var issuer = await CareIssuer.LoadAsync(platform, tenantSettings, tenantId, today, ct);
        using var pdf = new StreamingDocument(output, Options($"{PremiumNoticeLayout.DecisionTitle}({run.FiscalYear}年度 本算定)", true), total);
        string? cursor = null;
        var count = 0;
        while (true)
        {
            var rows = await db.Assessments.AsNoTracking().Where(a => a.RunId == runId && (cursor == null || string.Compare(a.AddresseeNumber, cursor) > 0))
                .OrderBy(a => a.AddresseeNumber).Take(BatchChunk).ToListAsync(ct);
            if (rows.Count == 0) break;
            var keys = rows.Select(a => a.AddresseeNumber).ToList();
            var people = await db.People.AsNoTracking().Where(p => keys.Contains(p.AddresseeNumber)).ToDictionaryAsync(p => p.AddresseeNumber, ct);
            var numbers = await db.Insured.AsNoTracking().Where(i => keys.Contains(i.AddresseeNumber)).ToDictionaryAsync(i => i.AddresseeNumber, i => i.InsuredNumber, ct);
            var earlier = await db.Assessments.AsNoTracking().Where(a => a.FiscalYear == run.FiscalYear && keys.Contains(a.AddresseeNumber) && a.RunId != runId)
                .ToListAsync(ct);
            foreach (var row in rows)
            {
                var before = earlier.Where(a => a.AddresseeNumber == row.AddresseeNumber && a.Revision == row.Revision - 1).SingleOrDefault();
                PremiumNoticeLayout.Draw(pdf.NextPage(), new PremiumNoticeInput(people[row.AddresseeNumber], numbers[row.AddresseeNumber],
                    AssessmentQueries.View(row, before), today, issuer));
                count++;
            }
            cursor = rows[^1].AddresseeNumber;
        }
        pdf.Close();
        await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.CareDocument, TargetType: "care.run", TargetId: runId.ToString(CultureInfo.InvariantCulture),
            Detail: $"保険料額決定通知書 一括出力 {run.FiscalYear}年度 {count}人"), ct);
        return count;
    }

    /// <summary>The batch as bytes (small runs, tests); pages should stream a large one to a file instead.</summary>
    public async Task<CareDocument> RunNoticesAsync(int tenantId, long runId, AuditActor actor, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        var count = await RunNoticesAsync(tenantId, runId, stream, actor, ct);
        return new CareDocument(stream.ToArray(), RunNoticesFileName(runId), count);
    }

    public static string RunNoticesFileName(long runId) => $"kaigo-hokenryo-kettei-run{runId}.pdf";

    private DocumentOptions Options(string title, bool pageNumbers) => new()
    {
        Title = title, CreatedAt = clock.GetUtcNow(), PageNumbers = pageNumbers, Footer = pageNumbers ? title : "",
    };
}
