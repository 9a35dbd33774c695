using System.Globalization;
using System.Text.Json;
using Jichitai.Platform;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Authenticity;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Protection;
using Jichitai.Platform.Settings;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Domain.Text;
using Jichitai.Registry.Features.Certificates.Rendering;
using Jichitai.Registry.Features.Restrictions;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jichitai.Registry.Features.Certificates;

/// <summary>
/// 証明書交付 (標準第5章, 1.3.8): a 交付請求 is checked (requester rules, 支援措置・発行抑止), printed as a PDF registered with
/// the authenticity registry, and recorded in the 交付履歴 — the record, the registration and the access log in one transaction.
/// </summary>
public sealed class CertificateService(PlatformSettings settings, ITenantScopeAccessor scope, PersonalDataProtector protector,
    TenantSettingsService tenantSettings, PlatformDbContext platformDb, IAuditLog audit, TimeProvider clock, IssuanceLimiter limiter)
{
    // Japanese kept as written (not \uXXXX): the snapshot stays readable and about half the size.
    internal static readonly JsonSerializerOptions SnapshotJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public async Task<CertificateCheck> CheckAsync(CertificateRequest request, IssueContext context, CancellationToken ct)
    {
        var tenantId = scope.RequireTenant();
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var prepared = await PrepareAsync(db, tenantId, request, context, ct);
        if (prepared.Decision.Stop is IssuanceStop.Offender or IssuanceStop.ThirdPartyUnderSupportMeasure or IssuanceStop.IssuanceRestricted)
            await AuditRefusalAsync(tenantId, context.Actor, prepared, ct);
        return ToCheck(prepared);
    }

    /// <summary>
    /// 見本 (preview) of an allowed request: the pages as PNG, marked 「見本」, with no 発行番号 or 照合番号; nothing is recorded
    /// but the access-log line (the clerk sees the people's data).
    /// </summary>
    public async Task<CertificatePreview> PreviewAsync(CertificateRequest request, IssueContext context, CancellationToken ct)
    {
        var tenantId = scope.RequireTenant();
        using var slot = await limiter.EnterAsync(ct);
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var prepared = await PrepareAsync(db, tenantId, request, context, ct);
        if (!prepared.Decision.Allowed)
        {
            await AuditRefusalAsync(tenantId, context.Actor, prepared, ct);
            throw new DomainException($"registry.certificate.{prepared.Decision.Stop.ToString().ToLowerInvariant()}", prepared.Decision.Message!, "addresseeNumbers", 403);
        }
        var snapshot = await SnapshotAsync(db, prepared, request, ct);
        var today = JapanTime.Today(clock);
        var input = snapshot.ToInput(protector, tenantId, prepared.Settings, TimeZoneInfo.ConvertTime(clock.GetUtcNow(), JapanTime.Zone), "見本", "0000000000000000", context.VerifyBaseUrl)
            with { Sample = true };
        using var document = CertificateRenderer.Build(input);
        var result = document.Build();
        var pages = Enumerable.Range(1, result.PageCount).Select(n => document.RenderPng(n, 80)).ToList();
        foreach (var s in prepared.Selection.Subjects)
            await audit.AppendAsync(tenantId, context.Actor, new AuditRecord(AuditActions.PersonalDataRead, TargetType: "registry.certificate-preview",
                SubjectId: s.Record.AddresseeNumber, Reason: request.Purpose, Detail: $"{CertificateNames.Kind(prepared.Kind)}の見本表示"), ct);
        return new CertificatePreview(ToCheck(prepared), pages, result.Problems.Select(p => p.Message).ToList(),
            Describe(result.Fallbacks));
    }

    /// <summary>
    /// Issues the certificate: refused requests throw (and are audited); nothing is recorded unless everything is. With an
    /// Idempotency-Key, a retry of the same request returns the same certificate (drawn again from what was recorded, byte
    /// for byte) instead of issuing a second one.
    /// </summary>
    public async Task<IssuedCertificate> IssueAsync(CertificateRequest request, IssueContext context, CancellationToken ct, string? idempotencyKey = null)
    {
        var tenantId = scope.RequireTenant();
        using var slot = await limiter.EnterAsync(ct);
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        if (key is { Length: > 100 })
            throw new DomainException("registry.certificate.idempotency-key", "Idempotency-Key は100文字以内にしてください。", "Idempotency-Key");
        var requestHash = key is null ? null : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, SnapshotJson)));
        if (key is not null && await db.CertificateIssues.AsNoTracking().Include(i => i.Subjects).SingleOrDefaultAsync(i => i.IdempotencyKey == key, ct) is { } earlier)
            return await ReplayAsync(tenantId, earlier, requestHash!, context, ct);

        var prepared = await PrepareAsync(db, tenantId, request, context, ct);
        if (!prepared.Decision.Allowed)
        {
            await AuditRefusalAsync(tenantId, context.Actor, prepared, ct);
            var status = prepared.Decision.Stop is IssuanceStop.OfficialNeedsException or IssuanceStop.AlertsNotAcknowledged ? 428 : 403;
            throw new DomainException($"registry.certificate.{prepared.Decision.Stop.ToString().ToLowerInvariant()}", prepared.Decision.Message!,
                prepared.Decision.Stop == IssuanceStop.OfficialNeedsException ? "exceptionReason" : prepared.Decision.Stop == IssuanceStop.AlertsNotAcknowledged ? "acknowledgeAlerts" : "addresseeNumbers", status);
        }
        var snapshot = await SnapshotAsync(db, prepared, request, ct);
        var row = NewRow(tenantId, prepared.Request, context, snapshot, prepared.Fee, prepared.Decision);
        row.IdempotencyKey = key;
        row.RequestHash = requestHash;
        try
        {
            return await RenderAndRecordAsync(db, tenantId, row, snapshot, prepared.Selection.Subjects.Select(s => (s.Row.Id, s.Record.AddresseeNumber, s.Record.FullName)).ToList(),
                context, prepared.Decision.Notices, prepared.Settings, ct);
        }
        catch (DbUpdateException) when (key is not null)
        {
            // The same key committed first from a concurrent retry: answer with that certificate.
            await using var again = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
            var winner = await again.CertificateIssues.AsNoTracking().Include(i => i.Subjects).SingleOrDefaultAsync(i => i.IdempotencyKey == key, ct);
            if (winner is null) throw;
            return await ReplayAsync(tenantId, winner, requestHash!, context, ct);
        }
    }

    /// <summary>The certificate recorded under an Idempotency-Key, drawn again and checked against the SHA-256 issued.</summary>
    private async Task<IssuedCertificate> ReplayAsync(int tenantId, CertificateIssueRow row, string requestHash, IssueContext context, CancellationToken ct)
    {
        if (row.RequestHash != requestHash)
            throw new DomainException("registry.certificate.idempotency-conflict", "この Idempotency-Key は別の内容の交付請求に使われています。", "Idempotency-Key", 409);
        var issuedAt = TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(row.IssuedAt, DateTimeKind.Utc)), JapanTime.Zone);
        var certificateSettings = await CertificateSettings.LoadAsync(platformDb, tenantSettings, tenantId, DateOnly.FromDateTime(issuedAt.DateTime), ct);
        var snapshot = JsonSerializer.Deserialize<CertificateSnapshot>(row.Snapshot, SnapshotJson)! with { Reissue = row.ReissueOfId is not null };
        var input = snapshot.ToInput(protector, tenantId, certificateSettings, issuedAt, row.IssueNumber, row.VerificationCode, row.VerifyBaseUrl ?? context.VerifyBaseUrl);
        var result = CertificateRenderer.Render(input);
        if (result.Sha256 != row.Sha256)
            throw new DomainException("registry.certificate.replay-mismatch",
                $"発行番号 {row.IssueNumber} の証明書は交付済みですが、設定の変更などにより同じ内容を再現できません。必要なら再交付してください。", "Idempotency-Key", 409);
        foreach (var s in row.Subjects)
            await audit.AppendAsync(tenantId, context.Actor, new AuditRecord(AuditActions.CertificateIssue, TargetType: "registry.certificate",
                TargetId: row.IssueNumber, SubjectId: s.AddresseeNumber, Detail: $"{CertificateNames.Kind(row.Kind)} 同じ Idempotency-Key の再送に同じ証明書を返した"), ct);
        return new IssuedCertificate(row.Id, row.IssueNumber, VerificationCode.Format(row.VerificationCode), CertificateNames.Kind(row.Kind), row.Pages, row.Fee,
            row.Sha256, row.ReissueOfId is not null, [], [], result.Problems.Select(p => p.Message).ToList()) { Pdf = result.Pdf, Replayed = true };
    }

    /// <summary>
    /// 再交付 (標準4.1.3.0.3): printed as first issued (the stored state, not today's record), marked 「再交付」, with its own
    /// 発行番号 and 照合番号, and linked to the original in the 交付履歴.
    /// </summary>
    public async Task<IssuedCertificate> ReissueAsync(long issueId, ReissueRequest request, IssueContext context, CancellationToken ct)
    {
        var tenantId = scope.RequireTenant();
        using var slot = await limiter.EnterAsync(ct);
        if (string.IsNullOrWhiteSpace(request.Reason))
            throw new DomainException("registry.certificate.reissue-reason", "再交付の理由(紛失など)を入力してください。", "reason");
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var original = await db.CertificateIssues.AsNoTracking().Include(i => i.Subjects).SingleOrDefaultAsync(i => i.Id == issueId, ct)
            ?? throw DomainException.NotFound("registry.certificate.not-found", $"交付番号 {issueId} の交付記録はありません。");
        var snapshot = JsonSerializer.Deserialize<CertificateSnapshot>(original.Snapshot, SnapshotJson)!;
        var row = new CertificateIssueRow
        {
            TenantId = tenantId, IssueNumber = "", Kind = original.Kind, Layout = original.Layout, Items = original.Items,
            WholeHousehold = original.WholeHousehold, RequesterType = original.RequesterType,
            RequesterName = string.IsNullOrWhiteSpace(request.RequesterName) ? original.RequesterName : request.RequesterName.Trim(),
            RequesterAddress = original.RequesterAddress, RequesterRelation = original.RequesterRelation,
            IdentityDocument = string.IsNullOrWhiteSpace(request.IdentityDocument) ? original.IdentityDocument : request.IdentityDocument.Trim(),
            Purpose = $"再交付: {request.Reason.Trim()}", Agency = original.Agency, Fee = original.Fee, ReissueOfId = original.Id,
            IssuedByName = context.Actor.Name, IssuedById = context.Actor.Id, VerificationCode = "", Sha256 = "", Snapshot = original.Snapshot,
        };
        var subjects = original.Subjects.Select(s => (s.ResidentId, s.AddresseeNumber, s.Name)).ToList();
        var certificateSettings = await CertificateSettings.LoadAsync(platformDb, tenantSettings, tenantId, JapanTime.Today(clock), ct);
        return await RenderAndRecordAsync(db, tenantId, row, snapshot with { Reissue = true }, subjects, context, [], certificateSettings, ct);
    }

    /// <summary>処分 (標準1.3.8): a certificate issued in error and destroyed is marked, never deleted.</summary>
    public async Task<CertificateIssueView> DisposeAsync(long issueId, DisposeRequest request, AuditActor actor, CancellationToken ct)
    {
        var tenantId = scope.RequireTenant();
        if (string.IsNullOrWhiteSpace(request.Reason))
            throw new DomainException("registry.certificate.dispose-reason", "処分の理由を入力してください。", "reason");
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var row = await db.CertificateIssues.Include(i => i.Subjects).SingleOrDefaultAsync(i => i.Id == issueId, ct)
            ?? throw DomainException.NotFound("registry.certificate.not-found", $"交付番号 {issueId} の交付記録はありません。");
        if (row.DisposedAt is not null)
            throw new DomainException("registry.certificate.disposed", $"発行番号 {row.IssueNumber} は既に処分済みです。", "reason", 409);
        row.DisposedAt = clock.GetUtcNow().UtcDateTime;
        row.DisposedBy = actor.Name;
        row.DisposeReason = request.Reason.Trim();
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.PersonalDataWrite, TargetType: "registry.certificate",
            TargetId: row.IssueNumber, Reason: row.DisposeReason, Detail: $"{CertificateNames.Kind(row.Kind)}の処分"), ct);
        return CertificateHistory.ToView(row);
    }

    private async Task<IssuedCertificate> RenderAndRecordAsync(RegistryDbContext db, int tenantId, CertificateIssueRow row, CertificateSnapshot snapshot,
        IReadOnlyList<(long ResidentId, string AddresseeNumber, string Name)> subjects, IssueContext context, IReadOnlyList<RestrictionNotice> notices,
        CertificateSettings certificateSettings, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = JapanTime.Today(clock);
        var (location, terminal) = await InputPlaces.InputPlaceService.LocateAsync(db, context.Actor.ClientAddress, ct);
        var serial = await IssueNumbers.NextSerialAsync(db, tenantId, today, ct);
        row.Serial = serial;
        row.IssueNumber = IssueNumbers.Format(today, certificateSettings.Issuer.MunicipalityName, terminal, serial);
        row.IssuedLocation = location;
        row.IssuedTerminal = terminal;
        row.ClientAddress = context.Actor.ClientAddress is { Length: <= 64 } a ? a : null;
        row.IssuedAt = now.UtcDateTime;
        row.VerificationCode = DocumentAuthenticity.NewCode();
        row.VerifyBaseUrl = context.VerifyBaseUrl.Length <= 300 ? context.VerifyBaseUrl : null;

        var input = snapshot.ToInput(protector, tenantId, certificateSettings, TimeZoneInfo.ConvertTime(now, JapanTime.Zone), row.IssueNumber,
            row.VerificationCode, context.VerifyBaseUrl);
        var result = CertificateRenderer.Render(input);
        row.Pages = result.PageCount;
        row.Sha256 = result.Sha256;
        row.Subjects = subjects.Select(s => new CertificateSubjectRow { TenantId = tenantId, ResidentId = s.ResidentId, AddresseeNumber = s.AddresseeNumber, Name = s.Name }).ToList();

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.CertificateIssues.Add(row);
            await db.SaveChangesAsync(ct);
            await using var platform = PlatformDatabase.CreateOnConnection(db.Database.GetDbConnection(), TenantScope.ForTenant(tenantId));
            await platform.Database.UseTransactionAsync(tx.GetDbTransaction(), ct);
            var authenticity = new DocumentAuthenticity(platform, new TenantScopeAccessor { Scope = TenantScope.ForTenant(tenantId) }, clock);
            await authenticity.RegisterAsync(row.VerificationCode, CertificateNames.Kind(row.Kind), CertificateNames.Kind(row.Kind), result.Pdf, ct);
            foreach (var s in subjects)
                await audit.AppendWithinAsync(platform, context.Actor, new AuditRecord(AuditActions.CertificateIssue, TargetType: "registry.certificate",
                    TargetId: row.IssueNumber, SubjectId: s.AddresseeNumber, Reason: row.Purpose,
                    Detail: $"{CertificateNames.Kind(row.Kind)}({CertificateNames.Layout(row.Layout)}) {(row.ReissueOfId is null ? "" : "再交付 ")}請求者 {RequesterRules.Label(row.RequesterType)} " +
                            $"記載事項 {CertificateNames.ItemList(row.Items)}" + (row.ExceptionReason is null ? "" : $" 支援措置の例外: {row.ExceptionReason}")), ct);
            await tx.CommitAsync(ct);
        }
        return new IssuedCertificate(row.Id, row.IssueNumber, VerificationCode.Format(row.VerificationCode), CertificateNames.Kind(row.Kind), row.Pages, row.Fee,
            row.Sha256, row.ReissueOfId is not null, notices,
            Describe(result.Fallbacks), result.Problems.Select(p => p.Message).ToList())
        { Pdf = result.Pdf };
    }

    private sealed record Prepared(CertificateRequest Request, CertificateKind Kind, CertificateLayout Layout, RequesterType Requester, CertificateItems Items,
        SubjectSelection Selection, GateDecision Decision, int Fee, CertificateSettings Settings);

    private async Task<Prepared> PrepareAsync(RegistryDbContext db, int tenantId, CertificateRequest request, IssueContext context, CancellationToken ct)
    {
        InputValidation.Ensure(new CertificateRequestValidator(), request);
        var kind = CertificateNames.ParseKind(request.Kind)!.Value;
        var layout = CertificateNames.ParseLayout(request.Layout)!.Value;
        var requester = RequesterRules.ParseRequester(request.RequesterType)!.Value;
        var items = ItemsFor(kind, requester, request);
        var today = JapanTime.Today(clock);
        var selection = await CertificateSubjects.LoadAsync(db, kind, layout, request, today, ct);
        var people = selection.Subjects.Select(s => (s.Row.Id, s.Row.HouseholdId)).ToList();
        var active = await RestrictionChecks.ActiveAsync(db, people, today, ct);
        var offenders = await OffenderMatchesAsync(db, active.Values.SelectMany(v => v).ToList(), request, ct);
        var gate = selection.Subjects.Select(s => new GateSubject(s.Record.AddresseeNumber, s.Record.FullName, active[s.Row.Id],
            active[s.Row.Id].Any(r => offenders.Contains(r.Id)))).ToList();
        var decision = IssuanceGate.Decide(requester, gate, request.AcknowledgeAlerts, request.ExceptionReason, context.IsOfficer, today, clock.GetUtcNow().UtcDateTime);
        var certificateSettings = await CertificateSettings.LoadAsync(platformDb, tenantSettings, tenantId, today, ct);
        var fee = RequesterRules.Fee(requester, layout, selection.Subjects.Count, certificateSettings.UnitFee(kind));
        return new Prepared(request, kind, layout, requester, items, selection, decision, fee, certificateSettings);
    }

    /// <summary>The items printed: those asked for, checked against the requester (住基法12条5項, 12条の3第7項), plus the kind's fixed ones.</summary>
    private static CertificateItems ItemsFor(CertificateKind kind, RequesterType requester, CertificateRequest request)
    {
        if (!RequesterRules.MayRequest(requester, kind))
            throw new DomainException("registry.certificate.requester", $"{CertificateNames.Kind(kind)}は本人等(住民本人又は同一世帯員)の請求に限り交付します。", "requesterType");
        var asked = CertificateNames.ParseItems(request.Items).Items;
        var choosable = RequesterRules.ChoosableItems(kind);
        if ((asked & ~choosable) != CertificateItems.None)
            throw new DomainException("registry.certificate.items", $"{CertificateNames.Kind(kind)}では記載する項目を選べません。", "items");
        var forbidden = asked & ~RequesterRules.AllowedItems(requester);
        if (forbidden != CertificateItems.None)
            throw new DomainException("registry.certificate.items", $"{CertificateNames.ItemList(forbidden)}は本人等の請求に限り記載できます(住基法12条5項)。", "items");
        if (requester == RequesterType.ThirdParty && asked != CertificateItems.None && string.IsNullOrWhiteSpace(request.ItemsReason))
            throw new DomainException("registry.certificate.items-reason",
                $"第三者請求で{CertificateNames.ItemList(asked)}を記載するには、利用目的のために必要な理由を入力してください(住基法12条の3第7項)。", "itemsReason");
        return asked | RequesterRules.FixedItems(kind);
    }

    /// <summary>Restrictions whose registered 加害者 is the requester (same normalised name; same birth date where both are known).</summary>
    private static async Task<HashSet<long>> OffenderMatchesAsync(RegistryDbContext db, IReadOnlyList<RestrictionRow> restrictions, CertificateRequest request, CancellationToken ct)
    {
        var ids = restrictions.Where(r => r.Kind is RestrictionKind.SupportMeasure or RestrictionKind.ProvisionalSupportMeasure).Select(r => r.Id).Distinct().ToList();
        if (ids.Count == 0) return [];
        var key = NameSearchKey.Normalize(request.RequesterName);
        var rows = await db.RestrictionOffenders.AsNoTracking().Where(o => ids.Contains(o.RestrictionId) && o.NameKey == key).ToListAsync(ct);
        return rows.Where(o => o.BirthDate is null || request.RequesterBirthDate is null || o.BirthDate == request.RequesterBirthDate).Select(o => o.RestrictionId).ToHashSet();
    }

    private async Task<CertificateSnapshot> SnapshotAsync(RegistryDbContext db, Prepared p, CertificateRequest request, CancellationToken ct)
    {
        var subjects = new List<SnapshotSubject>();
        var heads = p.Items.HasFlag(CertificateItems.HeadAndRelationship)
            ? await CertificateSnapshot.HeadNamesAsync(db, p.Selection.Subjects.Select(s => s.Record.HouseholdId).OfType<long>().Distinct().ToList(), ct)
            : [];
        foreach (var s in p.Selection.Subjects)
        {
            var history = p.Items.HasFlag(CertificateItems.MovementHistory) ? await CertificateSnapshot.HistoryAsync(db, s.Row.Id, ct) : [];
            var record = p.Items.HasFlag(CertificateItems.PersonalNumber) ? s.Record with { PersonalNumberIndex = null } : s.Record with { PersonalNumberProtected = null, PersonalNumberIndex = null };
            subjects.Add(new SnapshotSubject(record, s.Record.HouseholdId is long h ? heads.GetValueOrDefault(h) : null, history));
        }
        var measure = p.Kind == CertificateKind.SupportMeasureEndNotice ? await CertificateSnapshot.SupportMeasureAsync(db, p.Selection.Subjects[0].Row.Id, ct) : null;
        return new CertificateSnapshot(p.Kind, p.Layout, p.Items, p.Selection.WholeHousehold, p.Requester == RequesterType.Official, false,
            (request.CertifiedItems ?? []).OfType<string>().Select(i => i.Trim()).Where(i => i.Length > 0).ToList(), measure, subjects);
    }

    private CertificateIssueRow NewRow(int tenantId, CertificateRequest r, IssueContext context, CertificateSnapshot snapshot, int fee, GateDecision decision) => new()
    {
        TenantId = tenantId, IssueNumber = "", Kind = snapshot.Kind, Layout = snapshot.Layout, Items = snapshot.Items, WholeHousehold = snapshot.WholeHousehold,
        RequesterType = RequesterRules.ParseRequester(r.RequesterType)!.Value, RequesterName = r.RequesterName!.Trim(), RequesterAddress = r.RequesterAddress?.Trim(),
        RequesterRelation = r.RequesterRelation?.Trim(), IdentityDocument = r.IdentityDocument?.Trim(),
        Purpose = string.Join(" / ", new[] { r.Purpose, r.ItemsReason }.Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x!.Trim())) is { Length: > 0 } purpose ? purpose : null,
        Agency = r.Agency?.Trim(), Fee = fee, IssuedById = context.Actor.Id, IssuedByName = context.Actor.Name, VerificationCode = "", Sha256 = "",
        Snapshot = JsonSerializer.Serialize(snapshot, SnapshotJson),
        AcknowledgedNotices = decision.Notices.Count == 0 ? null : string.Join(" ", decision.Notices.Select(n => n.Message)) is var m && m.Length > 2000 ? m[..2000] : m,
        ExceptionReason = decision.ExceptionApplied ? r.ExceptionReason!.Trim() : null,
        ExceptionBy = decision.ExceptionApplied ? context.Actor.Name : null,
    };

    private async Task AuditRefusalAsync(int tenantId, AuditActor actor, Prepared p, CancellationToken ct)
    {
        foreach (var s in p.Selection.Subjects)
            await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.CertificateIssue, AuditOutcome.Denied, "registry.certificate", null,
                s.Record.AddresseeNumber, p.Request.Purpose, $"{CertificateNames.Kind(p.Kind)} 請求者 {RequesterRules.Label(p.Requester)} {p.Request.RequesterName}: {p.Decision.Message}"), ct);
    }

    private static CertificateCheck ToCheck(Prepared p) => new(CertificateNames.Kind(p.Kind), CertificateNames.Layout(p.Layout), p.Selection.WholeHousehold,
        RequesterRules.Label(p.Requester), Names(p.Items), Names(RequesterRules.AllowedItems(p.Requester) & RequesterRules.ChoosableItems(p.Kind)),
        p.Selection.Subjects.Select(ToView).ToList(), p.Fee, p.Decision.Notices, p.Decision.Allowed,
        p.Decision.Allowed ? null : p.Decision.Stop.ToString(), p.Decision.Message);

    /// <summary>Characters drawn from a fallback font (外字 candidates), as the clerk sees them.</summary>
    private static IReadOnlyList<string> Describe(IReadOnlyList<Jichitai.Documents.FallbackUse> fallbacks) =>
        fallbacks.Select(f => $"{f.Character}(U+{f.CodePoint:X4}) {f.FontFamily}").ToList();

    private static IReadOnlyList<string> Names(CertificateItems items) => CertificateNames.Items.Where(i => items.HasFlag(i.Item)).Select(i => i.Name).ToList();

    private static CertificateSubjectView ToView(LoadedSubject s) => new(s.Record.AddresseeNumber, s.Record.FullName, s.Record.Relationship);
}
