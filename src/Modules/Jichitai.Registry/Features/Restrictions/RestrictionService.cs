using Jichitai.Platform;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Settings;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Features.Restrictions;

public sealed record RestrictionView(
    long Id, string Kind, string? AddresseeNumber, string? HouseholdNumber, string Movement, string Issuance, string Inquiry,
    DateOnly StartOn, DateOnly? EndOn, DateOnly? EndedOn, string Reason, DateTime? ReleasedUntil, bool ContinuedAfterMoveOut, int Extensions, string? Warning);

/// <summary>Setting, extending, ending and temporarily releasing 抑止 and 支援措置 (standard 3.1, 3.4, 2.2.4). Every change is audited.</summary>
public sealed class RestrictionService(PlatformSettings settings, ITenantScopeAccessor scope, TenantSettingsService tenantSettings, IAuditLog audit, TimeProvider clock)
{
    public const string ReleaseMinutesSetting = "registry.restrictionReleaseMinutes";
    private int TenantId => scope.RequireTenant();
    private DateOnly Today => JapanTime.Today(clock);

    public async Task<RestrictionView> CreateAsync(CreateRestrictionRequest request, AuditActor actor, CancellationToken ct)
    {
        InputValidation.Ensure(new CreateRestrictionValidator(), request);
        var tenantId = TenantId;
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var kind = RestrictionRules.ParseKind(request.Kind)!.Value;
        long? residentId = null, householdId = null;
        if (!string.IsNullOrWhiteSpace(request.AddresseeNumber))
            residentId = await db.Residents.Where(r => r.AddresseeNumber == request.AddresseeNumber.Trim()).Select(r => (long?)r.Id).SingleOrDefaultAsync(ct)
                ?? throw new DomainException("registry.resident.not-found", $"宛名番号 {request.AddresseeNumber} の住民は登録されていません。", "addresseeNumber", 404);
        else
            householdId = await db.Households.Where(h => h.HouseholdNumber == request.HouseholdNumber!.Trim()).Select(h => (long?)h.Id).SingleOrDefaultAsync(ct)
                ?? throw new DomainException("registry.household.not-found", $"世帯番号 {request.HouseholdNumber} の世帯は登録されていません。", "householdNumber", 404);
        var start = request.StartOn!.Value;
        var row = new RestrictionRow
        {
            TenantId = tenantId, Kind = kind, ResidentId = residentId, HouseholdId = householdId,
            Movement = RestrictionRules.ParseLevel(request.Movement)!.Value,
            Issuance = RestrictionRules.ParseLevel(request.Issuance)!.Value,
            Inquiry = RestrictionRules.ParseLevel(request.Inquiry)!.Value,
            StartOn = start,
            EndOn = request.EndOn ?? (kind == RestrictionKind.SupportMeasure ? RestrictionRules.OneYearFrom(start) : null),
            Reason = request.Reason!.Trim(), CreatedBy = actor.Name, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Restrictions.Add(row);
        await Linkage.RestrictionEvents.SaveAsync(db, tenantId, row, null, Linkage.RestrictionChange.Started, start, clock.GetUtcNow().UtcDateTime, ct);
        await AuditAsync(tenantId, actor, row, "設定", ct);
        return await ViewAsync(db, row, ct);
    }

    /// <summary>支援措置の延長: from one month before the end, by one year from the day after the end (standard 3.4).</summary>
    public async Task<RestrictionView> ExtendAsync(long id, AuditActor actor, CancellationToken ct)
    {
        var tenantId = TenantId;
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var row = await FindAsync(db, id, ct);
        if (row.Kind == RestrictionKind.Other || row.EndOn is not { } end)
            throw new DomainException("registry.restriction.not-extendable", "期間の定めのある支援措置だけが延長できます。", "id");
        if (Today < RestrictionRules.ExtensionOpensOn(end))
            throw new DomainException("registry.restriction.too-early",
                $"延長は期間終了日の1か月前({RestrictionRules.ExtensionOpensOn(end):yyyy年M月d日})から行えます(標準仕様書 3.4)。", "id", 409);
        var before = Linkage.RestrictionEvents.ItemOf(row);
        row.EndOn = RestrictionRules.ExtendedEnd(end);
        row.Extensions++;
        await Linkage.RestrictionEvents.SaveAsync(db, tenantId, row, before, Linkage.RestrictionChange.Extended, Today, clock.GetUtcNow().UtcDateTime, ct);
        await AuditAsync(tenantId, actor, row, $"延長({row.EndOn:yyyy-MM-dd}まで)", ct);
        return await ViewAsync(db, row, ct);
    }

    public async Task<RestrictionView> EndAsync(long id, EndRestrictionRequest request, AuditActor actor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Reason)) throw new DomainException("request.required", "終了の理由を入力してください。", "reason");
        var tenantId = TenantId;
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var row = await FindAsync(db, id, ct);
        var endedOn = request.EndedOn ?? Today;
        if (endedOn < row.StartOn) throw new DomainException("registry.restriction.end-before-start", "終了日が開始日より前になっています。", "endedOn");
        var before = Linkage.RestrictionEvents.ItemOf(row);
        row.EndedOn = endedOn;
        row.EndReason = request.Reason.Trim();
        await Linkage.RestrictionEvents.SaveAsync(db, tenantId, row, before, Linkage.RestrictionChange.Ended, endedOn, clock.GetUtcNow().UtcDateTime, ct);
        await AuditAsync(tenantId, actor, row, "終了", ct);
        return await ViewAsync(db, row, ct);
    }

    /// <summary>一時解除: the error becomes an alert for the tenant's configured minutes, then applies again (standard 3.1).</summary>
    public async Task<RestrictionView> ReleaseTemporarilyAsync(long id, string? reason, AuditActor actor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("request.required", "一時解除の理由を入力してください。", "reason");
        var tenantId = TenantId;
        var minutes = await tenantSettings.GetIntAsync(tenantId, ReleaseMinutesSetting, Today, ct);
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var row = await FindAsync(db, id, ct);
        row.ReleasedUntil = clock.GetUtcNow().UtcDateTime.AddMinutes(minutes);
        row.ReleasedBy = actor.Name;
        await db.SaveChangesAsync(ct);
        await AuditAsync(tenantId, actor, row, $"一時解除({minutes}分) 理由: {reason.Trim()}", ct);
        return await ViewAsync(db, row, ct);
    }

    /// <summary>支援対象者照会 (standard 2.2.4) or the restrictions of one person.</summary>
    public async Task<IReadOnlyList<RestrictionView>> ListAsync(string? addresseeNumber, bool activeOnly, AuditActor actor, CancellationToken ct)
    {
        var tenantId = TenantId;
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        IQueryable<RestrictionRow> rows = db.Restrictions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(addresseeNumber))
        {
            var person = await db.Residents.AsNoTracking().Where(r => r.AddresseeNumber == addresseeNumber.Trim()).Select(r => new { r.Id, r.HouseholdId }).SingleOrDefaultAsync(ct)
                ?? throw new DomainException("registry.resident.not-found", $"宛名番号 {addresseeNumber} の住民は登録されていません。", "addresseeNumber", 404);
            rows = rows.Where(r => r.ResidentId == person.Id || (person.HouseholdId != null && r.HouseholdId == person.HouseholdId));
        }
        else rows = rows.Where(r => r.Kind != RestrictionKind.Other);
        if (activeOnly) rows = rows.Where(r => r.EndedOn == null);
        var list = await rows.OrderBy(r => r.Id).ToListAsync(ct);
        var views = new List<RestrictionView>();
        foreach (var r in list) views.Add(await ViewAsync(db, r, ct));
        await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.PersonalDataRead, TargetType: "registry.restriction",
            SubjectId: addresseeNumber, Detail: addresseeNumber is null ? $"支援対象者照会 件数: {views.Count}" : "抑止の照会"), ct);
        return views;
    }

    private static async Task<RestrictionRow> FindAsync(RegistryDbContext db, long id, CancellationToken ct) =>
        await db.Restrictions.SingleOrDefaultAsync(r => r.Id == id, ct)
        ?? throw DomainException.NotFound("registry.restriction.not-found", $"抑止番号 {id} の抑止・支援措置はありません。");

    private async Task<RestrictionView> ViewAsync(RegistryDbContext db, RestrictionRow r, CancellationToken ct)
    {
        var addressee = r.ResidentId is long rid ? await db.Residents.Where(x => x.Id == rid).Select(x => x.AddresseeNumber).SingleAsync(ct) : null;
        var household = r.HouseholdId is long hid ? await db.Households.Where(x => x.Id == hid).Select(x => x.HouseholdNumber).SingleAsync(ct) : null;
        return new RestrictionView(r.Id, RestrictionRules.KindLabel(r.Kind), addressee, household,
            RestrictionRules.LevelLabel(r.Movement), RestrictionRules.LevelLabel(r.Issuance), RestrictionRules.LevelLabel(r.Inquiry),
            r.StartOn, r.EndOn, r.EndedOn, r.Reason, r.ReleasedUntil, r.ContinuedAfterMoveOut, r.Extensions, RestrictionRules.PeriodWarning(r, Today));
    }

    private Task AuditAsync(int tenantId, AuditActor actor, RestrictionRow row, string what, CancellationToken ct) =>
        audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.PersonalDataWrite, TargetType: "registry.restriction",
            TargetId: row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Detail: $"{RestrictionRules.KindLabel(row.Kind)}の{what}"), ct);
}
