using Jichitai.Platform;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Platform.Dates;
using Jichitai.Registry.Features.RecordColumn;
using Jichitai.Registry.Features.Restrictions;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Persistence;
using Jichitai.Registry.Residents;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Features.RecordSheets;

/// <summary>
/// 個人票 and 世帯票 (standard 1.1.3): the 住民票 kept per person, shown per person or written together per household
/// (世帯連記式), each with its 統合記載欄 (1.1.14). Every view is written to the access log; 支援措置・抑止 apply as to any inquiry.
/// </summary>
public sealed class RecordSheetQueries(PlatformSettings settings, ITenantScopeAccessor scope, ResidentQueries residents, IAuditLog audit, TimeProvider clock)
{
    private int TenantId => scope.Scope.TenantId ?? throw DomainException.Forbidden("registry.no-tenant", "住民記録は団体の職員だけが参照できます。");

    public async Task<PersonalSheet> PersonalAsync(string addresseeNumber, SheetOptions options, AuditActor actor, bool mayViewPersonalNumber, CancellationToken ct)
    {
        var detail = await residents.GetAsync(addresseeNumber, null, actor, mayViewPersonalNumber, options.Reason, ct,
            options.Original ? "改製原住民票の照会" : "個人票の照会");
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(TenantId));
        var residentId = await RecordColumnService.ResidentIdAsync(db, addresseeNumber, ct);
        // The last 改製 still in force (a cancelled one restored the record before it).
        var renewal = detail.History.FirstOrDefault(h => h.ReasonCode == (int)MovementReasonCode.RenewalEntry && h.CancelledByMovementId is null);
        var record = detail.Record;
        IEnumerable<MovementEntry> history = detail.History;
        if (options.Original)
        {
            if (renewal is null)
                throw DomainException.NotFound("registry.renewal.no-original", $"宛名番号 {addresseeNumber} の住民票は改製されていないため、改製原住民票はありません。");
            var json = await db.ResidentVersions.AsNoTracking().Where(v => v.ResidentId == residentId && v.MovementId < renewal.MovementId)
                .OrderByDescending(v => v.Id).Select(v => v.Record).FirstAsync(ct);
            record = MovementSession.Deserialize(json) with { PersonalNumberProtected = null, PersonalNumberIndex = null };
            history = history.Where(h => h.MovementId < renewal.MovementId);
        }
        else if (renewal is not null) history = history.Where(h => h.MovementId >= renewal.MovementId);

        var entries = await db.RecordEntries.AsNoTracking().Where(e => e.ResidentId == residentId).OrderBy(e => e.Id).ToListAsync(ct);
        if (options.Original) entries = entries.Where(e => e.RecordedOn <= renewal!.EffectiveOn).ToList();
        var column = Column(history.ToList(), entries, record, options.IncludeSpecial);
        var head = detail.Household.FirstOrDefault(m => m.Relationship == HouseholdRules.HeadRelationship)?.Name;
        return new PersonalSheet(ResidentQueries.Summarise(record), record, options.Original ? null : detail.PersonalNumber, head, options.Original,
            renewal?.EffectiveOn, renewal is not null, column, BlankItemRules.Missing(record), detail.Restrictions);
    }

    public async Task<HouseholdSheet> HouseholdAsync(string householdNumber, string? reason, AuditActor actor, CancellationToken ct)
    {
        var tenantId = TenantId;
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(tenantId));
        var household = await db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.HouseholdNumber == householdNumber.Trim(), ct)
            ?? throw DomainException.NotFound("registry.household.not-found", $"世帯番号 {householdNumber} の世帯は登録されていません。");
        var rows = await db.Residents.AsNoTracking().Where(r => r.HouseholdId == household.Id && r.Status == ResidentStatus.Resident)
            .Select(r => new { r.Id, r.HouseholdId, r.Record }).ToListAsync(ct);
        if (rows.Count == 0) throw DomainException.NotFound("registry.household.empty", $"世帯番号 {householdNumber} の世帯に現在の世帯員はいません。");

        var today = JapanTime.Today(clock);
        var utcNow = clock.GetUtcNow().UtcDateTime;
        var active = await RestrictionChecks.ActiveAsync(db, rows.Select(r => (r.Id, r.HouseholdId)).ToList(), today, ct);
        var members = rows.Select(r => (r.Id, Record: MovementSession.Deserialize(r.Record))).OrderBy(m => m.Record.MemberOrder).ToList();
        IReadOnlyList<RestrictionNotice> notices;
        try
        {
            notices = RestrictionChecks.CheckInquiry(members.Select(m => (m.Record.AddresseeNumber, active[m.Id])).ToList(), reason,
                kinds => $"この世帯には{kinds}の対象者がいます。照会する理由を入力してください。", today, utcNow);
        }
        catch (DomainException e)
        {
            await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.PersonalDataRead, AuditOutcome.Denied, "registry.household",
                householdNumber, null, reason, e.Code), ct);
            throw;
        }
        var ids = members.Select(m => m.Id).ToList();
        var remarks = await db.RecordEntries.AsNoTracking().Where(e => ids.Contains(e.ResidentId) && e.Type == RecordEntryType.Remark && e.DeletedAt == null)
            .OrderBy(e => e.Id).ToListAsync(ct);
        var deFacto = await db.DeFactoHeads.AsNoTracking().Where(d => d.HouseholdId == household.Id && d.EndedOn == null).FirstOrDefaultAsync(ct);
        foreach (var m in members)
            await audit.AppendAsync(tenantId, actor, new AuditRecord(AuditActions.PersonalDataRead, TargetType: "registry.household",
                TargetId: householdNumber, SubjectId: m.Record.AddresseeNumber, Reason: reason, Detail: "世帯票の照会"), ct);
        var sheetMembers = members.Select(m => new HouseholdSheetMember(ResidentQueries.Summarise(m.Record),
            m.Record with { PersonalNumberProtected = null, PersonalNumberIndex = null }, BlankItemRules.Missing(m.Record),
            remarks.Where(e => e.ResidentId == m.Id).Select(RecordColumnService.ToView).ToList())).ToList();
        return new HouseholdSheet(household.HouseholdNumber, members[0].Record.Address.Display,
            members.Select(m => m.Record).FirstOrDefault(r => r.IsHead)?.FullName, sheetMembers,
            deFacto is null ? null : new DeFactoHeadView(deFacto.Id, household.HouseholdNumber, deFacto.Name, deFacto.Kind.Label(), deFacto.FromOn, null, null, deFacto.CreatedBy, true),
            notices);
    }

    /// <summary>
    /// The 統合記載欄 (1.1.14): 異動履歴 (A) written from the movements in date order, each with its 留意事項 (B); 備考 (C) apart;
    /// 除票固有の記載事項 on a removed record. Cancelled movements and their cancellations cancel out and are not written.
    /// </summary>
    internal static RecordColumnView Column(IReadOnlyList<MovementEntry> movements, IReadOnlyList<RecordEntryRow> entries, ResidentRecord record, bool includeSpecial)
    {
        var shown = movements.Where(m => m.CancelledByMovementId is null && m.CancelsMovementId is null).OrderBy(m => m.EffectiveOn).ThenBy(m => m.MovementId).ToList();
        var special = shown.Count(m => m.SpecialReason is not null);
        if (!includeSpecial) shown = shown.Where(m => m.SpecialReason is null).ToList();
        var current = entries.Where(e => e.DeletedAt is null).ToList();
        var lines = shown.Select(m => new HistoryLine(m.MovementId, m.EffectiveOn, LineText(m), m.SpecialReason,
            current.Where(e => e.Type == RecordEntryType.Caution && e.MovementId == m.MovementId).Select(RecordColumnService.ToView).ToList())).ToList();
        return new RecordColumnView(lines, current.Where(e => e.Type == RecordEntryType.Remark).Select(RecordColumnService.ToView).ToList(),
            RemovalItems(record), entries.Where(e => e.DeletedAt is not null).Select(RecordColumnService.ToView).ToList(),
            includeSpecial ? 0 : special);
    }

    private static string LineText(MovementEntry m) =>
        m.NotifiedOn == m.EffectiveOn ? $"{WarekiFormatter.Format(m.EffectiveOn)} {m.Reason}"
            : $"{WarekiFormatter.Format(m.EffectiveOn)} {m.Reason}({WarekiFormatter.Format(m.NotifiedOn)}届出)";

    /// <summary>住民票の除票固有の記載事項 (standard 1.1.1): 消除事由, its date, 転出先住所 (予定・確定).</summary>
    internal static IReadOnlyList<string> RemovalItems(ResidentRecord r)
    {
        if (r.Status != ResidentStatus.Removed) return [];
        var items = new List<string>();
        if (r.RemovalReason is { } reason) items.Add($"消除事由 {reason.Label()}");
        if (r.RemovedOn is { } on) items.Add($"事由の生じた年月日 {WarekiFormatter.Format(on)}");
        if (r.MoveOut is { } mo)
        {
            items.Add($"転出先住所(予定) {mo.Destination}(転出予定年月日 {WarekiFormatter.Format(mo.PlannedDate)})");
            if (mo.ConfirmedOn is { } c) items.Add($"転出先住所(確定) {mo.Destination}(転入通知 {WarekiFormatter.Format(c)})");
        }
        return items;
    }
}
