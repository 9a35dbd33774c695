using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jichitai.Platform.Linkage;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Persistence;
using Jichitai.Registry.Residents;

namespace Jichitai.Registry.Features.Linkage;

/// <summary>
/// 住民異動 as an integration event (標準7.2.3 宛名連携): one event per person a committed 異動 changed, with the items
/// before and after. The item list is the unit of data minimisation: consumers are granted items by these keys.
/// docs/linkage.md and docs/linkage/resident-changed.schema.json describe the same shape.
/// </summary>
public static class ResidentChangedEvent
{
    public const string Type = "registry.resident-changed";
    public const int SchemaVersion = 1;

    public static IReadOnlyList<LinkageItem> Items { get; } =
    [
        new("status", "住民状態"), new("kind", "住民種別"),
        new("name", "氏名"), new("nameKana", "氏名フリガナ"), new("formerSurname", "旧氏"),
        new("birthDate", "生年月日"), new("gender", "性別"), new("relationship", "続柄"), new("memberOrder", "世帯内順位"), new("householdNumber", "世帯番号"),
        new("postalCode", "郵便番号"), new("addressCode", "住所コード"), new("address", "住所"),
        new("becameResidentOn", "住民となった年月日"), new("addressSetOn", "住所を定めた年月日"), new("addressNotifiedOn", "住所を定めた旨の届出の年月日"),
        new("previousAddress", "前住所"), new("moveOutDestination", "転出先"), new("moveOutPlannedOn", "転出予定日"),
        new("domicile", "本籍"), new("domicileHead", "筆頭者"),
        new("removedOn", "消除年月日"), new("removalReason", "消除事由"),
        new("residentCode", "住民票コード"),
        new("personalNumber", "個人番号", LinkageItemProtection.PersonalNumber, MovementSession.PersonalNumberPurpose),
        new("onElectoralRoll", "選挙人名簿登録"),
        new("alphabetName", "外国人氏名(アルファベット)"), new("commonName", "通称"), new("nationality", "国籍・地域"),
        new("foreignResidentCategory", "外国人住民区分"), new("residenceStatus", "在留資格"), new("periodOfStay", "在留期間"),
        new("stayExpiresOn", "在留期間の満了の日"), new("residenceCardNumber", "在留カード等の番号"),
        new("supportMeasure", "支援措置", LinkageItemProtection.SupportMeasures),
        new("restriction", "抑止(異動・発行・照会)"),
    ];

    /// <summary>The items of one record. 個人番号 stays encrypted (opened only for a マイナンバー利用事務 consumer at delivery).</summary>
    public static JsonObject ItemsOf(ResidentRecord r, IEnumerable<RestrictionRow> activeRestrictions)
    {
        var o = new JsonObject
        {
            ["status"] = r.Status switch { ResidentStatus.Resident => "住民", ResidentStatus.Removed => "除票", _ => "取消" },
            ["kind"] = r.Kind == ResidentKind.Japanese ? "日本人住民" : "外国人住民",
            ["name"] = r.FullName,
            ["nameKana"] = r.FullNameKana,
            ["formerSurname"] = r.FormerSurname,
            ["birthDate"] = Date(r.BirthDate),
            ["gender"] = r.Gender.Label(),
            ["relationship"] = r.Relationship,
            ["memberOrder"] = r.MemberOrder,
            ["householdNumber"] = r.HouseholdNumber,
            ["postalCode"] = r.Address.PostalCode,
            ["addressCode"] = r.Address.AddressCode,
            ["address"] = r.Address.Display,
            ["becameResidentOn"] = Date(r.BecameResidentOn),
            ["addressSetOn"] = Date(r.AddressSetOn),
            ["addressNotifiedOn"] = Date(r.AddressNotifiedOn),
            ["previousAddress"] = r.PreviousAddress?.Text,
            ["moveOutDestination"] = r.MoveOut?.Destination,
            ["moveOutPlannedOn"] = Date(r.MoveOut?.PlannedDate),
            ["domicile"] = r.Domicile,
            ["domicileHead"] = r.DomicileHead,
            ["removedOn"] = Date(r.RemovedOn),
            ["removalReason"] = r.RemovalReason is { } reason ? reason.Label() : null,
            ["residentCode"] = r.ResidentCode,
            ["personalNumber"] = r.PersonalNumberProtected,
            ["onElectoralRoll"] = r.OnElectoralRoll,
            ["supportMeasure"] = RestrictionEvents.ItemOf(activeRestrictions.Where(x => x.Kind != Restrictions.RestrictionKind.Other).OrderBy(x => x.StartOn).FirstOrDefault()),
            ["restriction"] = RestrictionEvents.ItemOf(activeRestrictions.Where(x => x.Kind == Restrictions.RestrictionKind.Other).OrderBy(x => x.StartOn).FirstOrDefault()),
        };
        if (r.Foreign is { } f)
        {
            o["alphabetName"] = f.AlphabetName;
            o["commonName"] = f.CommonName;
            o["nationality"] = f.Nationality;
            o["foreignResidentCategory"] = f.Category.Label();
            o["residenceStatus"] = f.ResidenceStatus;
            o["periodOfStay"] = f.PeriodOfStay;
            o["stayExpiresOn"] = Date(f.StayExpiresOn);
            o["residenceCardNumber"] = f.CardNumber;
        }
        foreach (var key in o.Where(p => p.Value is null).Select(p => p.Key).ToList()) o.Remove(key);
        return o;
    }

    /// <summary>The event body stored in the outbox (the envelope — id, sequence, tenant — is added at delivery).</summary>
    public static IntegrationEventDraft Draft(MovementRow movement, ResidentRecord? before, ResidentRecord after, IReadOnlyList<RestrictionRow> activeRestrictions)
    {
        var reason = (MovementReasonCode)movement.ReasonCode;
        var body = new JsonObject
        {
            ["movementId"] = movement.Id,
            ["reasonCode"] = movement.ReasonCode.ToString(CultureInfo.InvariantCulture),
            ["reason"] = reason.Label(),
            ["effectiveOn"] = Date(movement.EffectiveOn),
            ["notifiedOn"] = Date(movement.NotifiedOn),
            ["addresseeNumber"] = after.AddresseeNumber,
            ["householdNumber"] = after.HouseholdNumber,
            ["before"] = before is null ? null : ItemsOf(before, activeRestrictions),
            ["after"] = ItemsOf(after, activeRestrictions),
        };
        if (movement.CancelsMovementId is long cancelled) body["cancelsMovementId"] = cancelled;
        return new IntegrationEventDraft(Type, SchemaVersion, after.AddresseeNumber, body.ToJsonString(Json));
    }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string? Date(DateOnly d) => d == default ? null : d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>支援措置 as delivered to a consumer that needs it: kind and period, never the reason or the 加害者.</summary>
public sealed record SupportMeasureItem(string Kind, DateOnly StartOn, DateOnly? EndOn)
{
    internal static SupportMeasureItem Of(RestrictionRow row) =>
        new(row.Kind == Restrictions.RestrictionKind.SupportMeasure ? "支援措置" : "仮支援措置", row.StartOn, row.EndOn);
}
