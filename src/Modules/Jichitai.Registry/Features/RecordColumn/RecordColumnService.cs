using Jichitai.Platform;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Registry.Features.RecordColumn;

/// <summary>
/// 統合記載欄 (standard 1.1.14): 留意事項 (B類型) are tied to an item of one of the person's movements, 備考 (C類型) are kept
/// apart from the history; both are typed freely (the automatic 留意事項 per 異動事由 is optional for 一般市区町村 and not
/// built). Entries are never deleted: a deletion marks them and the column keeps the history.
/// </summary>
public sealed class RecordColumnService(PlatformSettings settings, ITenantScopeAccessor scope, IAuditLog audit, TimeProvider clock)
{
    public const int MaxText = 1000;
    private int TenantId => scope.Scope.TenantId ?? throw DomainException.Forbidden("registry.no-tenant", "住民記録は団体の職員だけが操作できます。");

    public async Task<RecordEntryView> AddAsync(string addresseeNumber, RecordEntryRequest request, AuditActor actor, CancellationToken ct)
    {
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(TenantId));
        var residentId = await ResidentIdAsync(db, addresseeNumber, ct);
        var today = JapanTime.Today(clock);
        var errors = new Dictionary<string, string[]>();
        var type = request.Type?.Trim() switch { "留意事項" => RecordEntryType.Caution, "備考" => RecordEntryType.Remark, _ => (RecordEntryType?)null };
        if (type is null) errors["type"] = ["種類(留意事項または備考)を選んでください。"];
        var category = request.Category?.Trim() switch
        {
            null or "" or "自由記載" => RemarkCategory.Free,
            "特別養子縁組" => RemarkCategory.SpecialAdoption,
            "特別養子縁組解消" => RemarkCategory.SpecialAdoptionDissolution,
            _ => (RemarkCategory?)null,
        };
        if (category is null) errors["category"] = ["備考の区分は、自由記載・特別養子縁組・特別養子縁組解消のいずれかです(事実上の世帯主は世帯の画面で記録します)。"];
        if (type == RecordEntryType.Caution && category is not (null or RemarkCategory.Free)) errors["category"] = ["特別養子縁組の区分は備考(C類型)に記載します(標準仕様書 1.1.14)。"];
        var text = request.Text?.Trim() ?? "";
        if (text.Length > MaxText) errors["text"] = [$"記載内容は{MaxText}文字以内で入力してください。"];
        if (category is RemarkCategory.Free or null && text.Length == 0) errors["text"] = ["記載内容を入力してください。"];
        var recordedOn = request.RecordedOn ?? today;
        if (recordedOn > today) errors["recordedOn"] = ["記載日に未来の日付は入力できません。"];

        MovementRow? movement = null;
        var item = string.IsNullOrWhiteSpace(request.Item) ? null : request.Item.Trim();
        var needsMovement = type == RecordEntryType.Caution || category is RemarkCategory.SpecialAdoption or RemarkCategory.SpecialAdoptionDissolution;
        if (needsMovement)
        {
            movement = request.MovementId is long id ? await MovementOfAsync(db, residentId, id, ct) : null;
            if (movement is null)
                errors["movementId"] = [request.MovementId is null ? "紐付ける異動(異動番号)を入力してください。" : $"異動番号 {request.MovementId} はこの住民の異動ではありません。"];
        }
        if (type == RecordEntryType.Caution && item is null) errors["item"] = ["留意事項を紐付ける異動項目(住所、転入前住所など)を入力してください。"];
        if (item is { Length: > 50 }) errors["item"] = ["異動項目は50文字以内で入力してください。"];
        if (movement is not null && category is RemarkCategory.SpecialAdoption or RemarkCategory.SpecialAdoptionDissolution)
        {
            // 1.1.14 ※: the 転出 of the adoptee is tied to 転出先住所, the 転入 to 転入前住所.
            var required = AdoptionItemFor((MovementReasonCode)movement.ReasonCode);
            if (required is null) errors["movementId"] = ["特別養子縁組の備考は、養子の転出または転入の異動に紐付けて記載します(標準仕様書 1.1.14)。"];
            else item = required;
        }
        if (errors.Count > 0) throw new DomainValidationException(errors);

        var wording = category switch { RemarkCategory.SpecialAdoption => "特別養子縁組", RemarkCategory.SpecialAdoptionDissolution => "特別養子縁組解消", _ => null };
        var row = new RecordEntryRow
        {
            ResidentId = residentId, Type = type!.Value, Category = category!.Value, MovementId = movement?.Id, Item = item,
            Text = wording is null ? text : (text.Length == 0 ? wording : $"{wording} {text}"),
            RecordedOn = recordedOn, WrittenByName = actor.Name, WrittenAt = clock.GetUtcNow().UtcDateTime,
        };
        db.RecordEntries.Add(row);
        await db.SaveChangesAsync(ct);
        await AuditAsync(addresseeNumber, actor, row.Id, $"統合記載欄の記入({Label(row.Type)})", ct);
        return ToView(row);
    }

    public async Task DeleteAsync(string addresseeNumber, long entryId, AuditActor actor, CancellationToken ct)
    {
        await using var db = RegistryDatabase.Create(settings.Database, TenantScope.ForTenant(TenantId));
        var residentId = await ResidentIdAsync(db, addresseeNumber, ct);
        var row = await db.RecordEntries.SingleOrDefaultAsync(e => e.Id == entryId && e.ResidentId == residentId, ct)
            ?? throw DomainException.NotFound("registry.record-entry.not-found", $"統合記載欄の記載 {entryId} はありません。");
        if (row.DeletedAt is not null) throw DomainException.Conflict("registry.record-entry.deleted", $"記載 {entryId} は既に削除されています。", "entryId");
        if (row.Category == RemarkCategory.DeFactoHead)
            throw DomainException.Conflict("registry.record-entry.de-facto-head", "事実上の世帯主の備考は、世帯の画面で事実上の世帯主を終了すると消えます。", "entryId");
        row.DeletedAt = clock.GetUtcNow().UtcDateTime;
        row.DeletedByName = actor.Name;
        await db.SaveChangesAsync(ct);
        await AuditAsync(addresseeNumber, actor, row.Id, $"統合記載欄の削除({Label(row.Type)})", ct);
    }

    /// <summary>1.1.14: the item a 特別養子縁組 備考 is tied to, by the kind of the adoptee's movement.</summary>
    public static string? AdoptionItemFor(MovementReasonCode reason) => reason switch
    {
        MovementReasonCode.MoveOut or MovementReasonCode.MoveOutAbroad => "転出先住所",
        MovementReasonCode.MoveIn or MovementReasonCode.ReturnMoveIn or MovementReasonCode.SpecialMoveIn
            or MovementReasonCode.UnnotifiedMoveIn or MovementReasonCode.MoveInFromAbroad => "転入前住所",
        _ => null,
    };

    public static string Label(RecordEntryType t) => t == RecordEntryType.Caution ? "留意事項" : "備考";

    public static string CategoryLabel(RemarkCategory c) => c switch
    {
        RemarkCategory.SpecialAdoption => "特別養子縁組",
        RemarkCategory.SpecialAdoptionDissolution => "特別養子縁組解消",
        RemarkCategory.DeFactoHead => "事実上の世帯主",
        _ => "自由記載",
    };

    internal static RecordEntryView ToView(RecordEntryRow e) => new(e.Id, Label(e.Type), CategoryLabel(e.Category), e.MovementId, e.Item, e.Text,
        e.RecordedOn, e.WrittenByName, e.WrittenAt, e.DeletedAt is null, e.DeletedByName, e.DeletedAt);

    internal static async Task<long> ResidentIdAsync(RegistryDbContext db, string addresseeNumber, CancellationToken ct) =>
        await db.Residents.Where(r => r.AddresseeNumber == addresseeNumber).Select(r => (long?)r.Id).SingleOrDefaultAsync(ct)
        ?? throw DomainException.NotFound("registry.resident.not-found", $"宛名番号 {addresseeNumber} の住民は登録されていません。");

    private static Task<MovementRow?> MovementOfAsync(RegistryDbContext db, long residentId, long movementId, CancellationToken ct) =>
        (from v in db.ResidentVersions join m in db.Movements on v.MovementId equals m.Id
         where v.ResidentId == residentId && m.Id == movementId select m).FirstOrDefaultAsync(ct);

    private Task AuditAsync(string addresseeNumber, AuditActor actor, long id, string what, CancellationToken ct) =>
        audit.AppendAsync(TenantId, actor, new AuditRecord(AuditActions.PersonalDataWrite, TargetType: "registry.record-entry",
            TargetId: id.ToString(System.Globalization.CultureInfo.InvariantCulture), SubjectId: addresseeNumber, Detail: what), ct);
}
