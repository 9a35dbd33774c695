using Jichitai.Platform;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Domain.Text;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Persistence;
using Jichitai.Registry.Residents;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Features.RecordColumn;

/// <summary>
/// 事実上の世帯主 (standard 4.1.4.3): a person outside the register (法適用外の外国人, the head of a children's home …) who
/// heads a household in fact. Recorded per household with its dates; its name is written as a 備考 (C類型) in the
/// 統合記載欄 of every current member. A change ends the old one and records the new; nothing is deleted.
/// </summary>
public sealed class DeFactoHeadService(PlatformSettings settings, ITenantScopeAccessor scope, IAuditLog audit, TimeProvider clock)
{
    private int TenantId => scope.Scope.TenantId ?? throw DomainException.Forbidden("registry.no-tenant", "住民記録は団体の職員だけが操作できます。");

    public async Task<IReadOnlyList<DeFactoHeadView>> ListAsync(string householdNumber, CancellationToken ct)
    {
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(TenantId));
        var household = await HouseholdAsync(db, householdNumber, ct);
        var rows = await db.DeFactoHeads.AsNoTracking().Where(d => d.HouseholdId == household.Id).OrderByDescending(d => d.Id).ToListAsync(ct);
        return rows.Select(r => ToView(r, household.HouseholdNumber)).ToList();
    }

    public async Task<DeFactoHeadView> SetAsync(string householdNumber, DeFactoHeadRequest request, AuditActor actor, CancellationToken ct)
    {
        var today = JapanTime.Today(clock);
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(TenantId));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var household = await HouseholdAsync(db, householdNumber, ct);
        var members = await MembersAsync(db, household.Id, ct);
        if (members.Count == 0)
            throw DomainException.Conflict("registry.de-facto-head.no-members", $"世帯番号 {householdNumber} の世帯に現在の世帯員がいません。", "householdNumber");

        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim() ?? "";
        var kind = DeFactoHeadKinds.Parse(request.Kind);
        var from = request.FromOn ?? today;
        if (name.Length == 0) errors["name"] = ["事実上の世帯主の氏名を入力してください。"];
        else if (name.Length > 100) errors["name"] = ["氏名は100文字以内で入力してください。"];
        if (kind is null) errors["kind"] = ["事実上の世帯主の区分(法適用外の外国人、施設長、その他)を選んでください。"];
        if (from > today) errors["fromOn"] = ["開始日に未来の日付は入力できません。"];
        // Recorded only where the head in fact differs from the registered 世帯主 (4.1.4.3).
        var head = members.Where(m => m.Record.IsHead).Select(m => m.Record).FirstOrDefault();
        if (head is not null && name.Length > 0 && NameSearchKey.Normalize(name) == NameSearchKey.Normalize(head.FullName))
            errors["name"] = [$"{head.FullName} はこの世帯の世帯主です。事実上の世帯主は、住民票上の世帯主と異なる場合に記録します。"];
        if (errors.Count > 0) throw new DomainValidationException(errors);

        var current = await db.DeFactoHeads.SingleOrDefaultAsync(d => d.HouseholdId == household.Id && d.EndedOn == null, ct);
        if (current is not null)
        {
            if (!request.Replace)
                throw DomainException.Conflict("registry.de-facto-head.exists",
                    $"この世帯には事実上の世帯主 {current.Name} が記録されています。変更する場合は「変更として記録」を選んでください。", "replace");
            if (from < current.FromOn)
                throw new DomainException("registry.de-facto-head.before-current", $"開始日は現在の記録の開始日({current.FromOn:yyyy-MM-dd})以降にしてください。", "fromOn");
            await EndRowAsync(db, current, from, "変更", actor, ct);
        }
        var row = new DeFactoHeadRow { HouseholdId = household.Id, Name = name, Kind = kind!.Value, FromOn = from, CreatedBy = actor.Name, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.DeFactoHeads.Add(row);
        await db.SaveChangesAsync(ct);
        foreach (var m in members)
            db.RecordEntries.Add(new RecordEntryRow
            {
                ResidentId = m.Id, Type = RecordEntryType.Remark, Category = RemarkCategory.DeFactoHead, DeFactoHeadId = row.Id,
                Text = $"事実上の世帯主 {name}({kind.Value.Label()})", RecordedOn = from, WrittenByName = actor.Name, WrittenAt = row.CreatedAt,
            });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        foreach (var m in members) await AuditAsync(m.Record.AddresseeNumber, actor, row.Id, "事実上の世帯主の記録", ct);
        return ToView(row, household.HouseholdNumber);
    }

    public async Task<DeFactoHeadView> EndAsync(string householdNumber, EndDeFactoHeadRequest request, AuditActor actor, CancellationToken ct)
    {
        var today = JapanTime.Today(clock);
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(TenantId));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var household = await HouseholdAsync(db, householdNumber, ct);
        var current = await db.DeFactoHeads.SingleOrDefaultAsync(d => d.HouseholdId == household.Id && d.EndedOn == null, ct)
            ?? throw DomainException.NotFound("registry.de-facto-head.none", $"世帯番号 {householdNumber} の世帯に記録中の事実上の世帯主はいません。");
        var ended = request.EndedOn ?? today;
        var errors = new Dictionary<string, string[]>();
        if (ended > today) errors["endedOn"] = ["終了日に未来の日付は入力できません。"];
        if (ended < current.FromOn) errors["endedOn"] = [$"終了日は開始日({current.FromOn:yyyy-MM-dd})以降にしてください。"];
        if (string.IsNullOrWhiteSpace(request.Reason)) errors["reason"] = ["終了の理由を入力してください。"];
        else if (request.Reason.Trim().Length > 200) errors["reason"] = ["理由は200文字以内で入力してください。"];
        if (errors.Count > 0) throw new DomainValidationException(errors);
        var people = await EndRowAsync(db, current, ended, request.Reason!.Trim(), actor, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        foreach (var a in people) await AuditAsync(a, actor, current.Id, "事実上の世帯主の終了", ct);
        return ToView(current, household.HouseholdNumber);
    }

    private async Task<List<string>> EndRowAsync(RegistryDbContext db, DeFactoHeadRow row, DateOnly endedOn, string reason, AuditActor actor, CancellationToken ct)
    {
        row.EndedOn = endedOn; row.EndReason = reason; row.EndedBy = actor.Name;
        var entries = await db.RecordEntries.Where(e => e.DeFactoHeadId == row.Id && e.DeletedAt == null).ToListAsync(ct);
        foreach (var e in entries) { e.DeletedAt = clock.GetUtcNow().UtcDateTime; e.DeletedByName = actor.Name; }
        var ids = entries.Select(e => e.ResidentId).ToList();
        return await db.Residents.Where(r => ids.Contains(r.Id)).Select(r => r.AddresseeNumber).ToListAsync(ct);
    }

    private static async Task<HouseholdRow> HouseholdAsync(RegistryDbContext db, string householdNumber, CancellationToken ct) =>
        await db.Households.SingleOrDefaultAsync(h => h.HouseholdNumber == householdNumber.Trim(), ct)
        ?? throw DomainException.NotFound("registry.household.not-found", $"世帯番号 {householdNumber} の世帯は登録されていません。");

    private static async Task<List<(long Id, ResidentRecord Record)>> MembersAsync(RegistryDbContext db, long householdId, CancellationToken ct) =>
        (await db.Residents.AsNoTracking().Where(r => r.HouseholdId == householdId && r.Status == ResidentStatus.Resident).Select(r => new { r.Id, r.Record }).ToListAsync(ct))
        .Select(r => (r.Id, MovementSession.Deserialize(r.Record))).OrderBy(r => r.Item2.MemberOrder).ToList();

    private static DeFactoHeadView ToView(DeFactoHeadRow r, string householdNumber) =>
        new(r.Id, householdNumber, r.Name, r.Kind.Label(), r.FromOn, r.EndedOn, r.EndReason, r.CreatedBy, r.EndedOn is null);

    private Task AuditAsync(string addresseeNumber, AuditActor actor, long id, string what, CancellationToken ct) =>
        audit.AppendAsync(TenantId, actor, new AuditRecord(AuditActions.PersonalDataWrite, TargetType: "registry.de-facto-head",
            TargetId: id.ToString(System.Globalization.CultureInfo.InvariantCulture), SubjectId: addresseeNumber, Detail: what), ct);
}
