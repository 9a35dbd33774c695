using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Features.Memos;

public sealed record MemoView(long Id, string Text, string WrittenBy, DateTime WrittenAt, long? ReplacesMemoId, bool Current, string? DeletedBy, DateTime? DeletedAt);

public sealed record MemoRequest(string? Text);

/// <summary>メモ on a person (standard 1.1.15): who wrote it and when, edits and deletions kept as history; not for certificates.</summary>
public sealed class MemoService(PlatformSettings settings, ITenantScopeAccessor scope, IAuditLog audit, TimeProvider clock)
{
    private const int MaxLength = 2000;
    private int TenantId => scope.RequireTenant();

    /// <summary>Current memos first, then the history (replaced and deleted versions).</summary>
    public async Task<IReadOnlyList<MemoView>> ListAsync(string addresseeNumber, CancellationToken ct)
    {
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(TenantId));
        var residentId = await ResidentIdAsync(db, addresseeNumber, ct);
        var rows = await db.Memos.AsNoTracking().Where(m => m.ResidentId == residentId).OrderByDescending(m => m.Id).ToListAsync(ct);
        return rows.Select(ToView).OrderByDescending(v => v.Current).ThenByDescending(v => v.Id).ToList();
    }

    public async Task<MemoView> AddAsync(string addresseeNumber, MemoRequest request, AuditActor actor, CancellationToken ct)
    {
        var text = Validate(request.Text);
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(TenantId));
        var row = new MemoRow { ResidentId = await ResidentIdAsync(db, addresseeNumber, ct), Text = text, WrittenById = actor.Id, WrittenByName = actor.Name, WrittenAt = clock.GetUtcNow().UtcDateTime };
        db.Memos.Add(row);
        await db.SaveChangesAsync(ct);
        await AuditAsync(addresseeNumber, actor, row.Id, "メモの記入", ct);
        return ToView(row);
    }

    /// <summary>An edit writes a new memo that replaces the old one; the old text stays in the history.</summary>
    public async Task<MemoView> EditAsync(string addresseeNumber, long memoId, MemoRequest request, AuditActor actor, CancellationToken ct)
    {
        var text = Validate(request.Text);
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(TenantId));
        var old = await CurrentAsync(db, addresseeNumber, memoId, ct);
        var row = new MemoRow { ResidentId = old.ResidentId, Text = text, ReplacesMemoId = old.Id, WrittenById = actor.Id, WrittenByName = actor.Name, WrittenAt = clock.GetUtcNow().UtcDateTime };
        db.Memos.Add(row);
        await db.SaveChangesAsync(ct);
        old.ReplacedByMemoId = row.Id;
        await db.SaveChangesAsync(ct);
        await AuditAsync(addresseeNumber, actor, row.Id, $"メモの修正(メモ {old.Id} を置き換え)", ct);
        return ToView(row);
    }

    public async Task DeleteAsync(string addresseeNumber, long memoId, AuditActor actor, CancellationToken ct)
    {
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(TenantId));
        var row = await CurrentAsync(db, addresseeNumber, memoId, ct);
        row.DeletedAt = clock.GetUtcNow().UtcDateTime;
        row.DeletedByName = actor.Name;
        await db.SaveChangesAsync(ct);
        await AuditAsync(addresseeNumber, actor, row.Id, "メモの削除", ct);
    }

    private static string Validate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException("request.required", "メモを入力してください。", "text");
        if (text.Trim().Length > MaxLength) throw new DomainException("registry.memo.length", $"メモは{MaxLength}文字以内で入力してください。", "text");
        return text.Trim();
    }

    private static async Task<long> ResidentIdAsync(RegistryDbContext db, string addresseeNumber, CancellationToken ct) =>
        await db.Residents.Where(r => r.AddresseeNumber == addresseeNumber).Select(r => (long?)r.Id).SingleOrDefaultAsync(ct)
        ?? throw DomainException.NotFound("registry.resident.not-found", $"宛名番号 {addresseeNumber} の住民は登録されていません。");

    private static async Task<MemoRow> CurrentAsync(RegistryDbContext db, string addresseeNumber, long memoId, CancellationToken ct)
    {
        var residentId = await ResidentIdAsync(db, addresseeNumber, ct);
        var row = await db.Memos.SingleOrDefaultAsync(m => m.Id == memoId && m.ResidentId == residentId, ct)
            ?? throw DomainException.NotFound("registry.memo.not-found", $"メモ {memoId} はありません。");
        if (row.ReplacedByMemoId is not null || row.DeletedAt is not null)
            throw DomainException.Conflict("registry.memo.not-current", $"メモ {memoId} は既に修正または削除されています。最新のメモを選んでください。", "memoId");
        return row;
    }

    private static MemoView ToView(MemoRow m) =>
        new(m.Id, m.Text, m.WrittenByName, m.WrittenAt, m.ReplacesMemoId, m.ReplacedByMemoId is null && m.DeletedAt is null, m.DeletedByName, m.DeletedAt);

    private Task AuditAsync(string addresseeNumber, AuditActor actor, long memoId, string what, CancellationToken ct) =>
        audit.AppendAsync(TenantId, actor, new AuditRecord(AuditActions.PersonalDataWrite, TargetType: "registry.memo",
            TargetId: memoId.ToString(System.Globalization.CultureInfo.InvariantCulture), SubjectId: addresseeNumber, Detail: what), ct);
}
