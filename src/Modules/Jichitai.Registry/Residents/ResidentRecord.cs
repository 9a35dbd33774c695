using Jichitai.Registry.Domain.Codes;

namespace Jichitai.Registry.Residents;

/// <summary>
/// One resident's 住民票 as it stands after a movement (住基法7条 for 日本人住民, 30条の45 for 外国人住民).
/// Stored whole in every version, so that the record as of any date is read back, never recomputed.
/// </summary>
public sealed record ResidentRecord
{
    public ResidentKind Kind { get; init; } = ResidentKind.Japanese;
    public ResidentStatus Status { get; init; } = ResidentStatus.Resident;

    public string FamilyName { get; init; } = "";
    public string GivenName { get; init; } = "";
    public string FamilyNameKana { get; init; } = "";
    public string GivenNameKana { get; init; } = "";
    /// <summary>フリガナ確認済み (standard 1.1.18): the resident confirmed the reading.</summary>
    public bool KanaConfirmed { get; init; }
    public string? FormerSurname { get; init; }
    public string? FormerSurnameKana { get; init; }

    public DateOnly BirthDate { get; init; }
    public Gender Gender { get; init; }

    public long? HouseholdId { get; init; }
    public string? HouseholdNumber { get; init; }
    public string Relationship { get; init; } = "";
    public int MemberOrder { get; init; }

    public string? Domicile { get; init; }
    public string? DomicileHead { get; init; }

    public DateOnly BecameResidentOn { get; init; }
    public Address Address { get; init; } = new();
    public DateOnly AddressSetOn { get; init; }
    public DateOnly AddressNotifiedOn { get; init; }
    public PriorAddress? PreviousAddress { get; init; }
    /// <summary>最終登録住所地 (住所設定; 標準4.2.1.1): kept with the record, not a 住民票記載事項, never printed.</summary>
    public string? LastRegisteredAddress { get; init; }
    public PlannedMoveOut? MoveOut { get; init; }

    /// <summary>個人番号, encrypted (enc1:…); never plain in a row, a version or a log.</summary>
    public string? PersonalNumberProtected { get; init; }
    /// <summary>Keyed hash of the 個人番号 (blind index) for exact-match search.</summary>
    public string? PersonalNumberIndex { get; init; }
    public string? ResidentCode { get; init; }
    public string AddresseeNumber { get; init; } = "";

    public bool OnElectoralRoll { get; init; }
    public Qualifications Qualifications { get; init; } = new();
    public ForeignResidentItems? Foreign { get; init; }

    public DateOnly? RemovedOn { get; init; }
    public MovementReasonCode? RemovalReason { get; init; }
    /// <summary>改製の年月日 (standard 1.1.4): the record before it is the 改製原住民票.</summary>
    public DateOnly? RenewedOn { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public string FullName => Kind == ResidentKind.Foreign && Foreign is { } f && string.IsNullOrEmpty(FamilyName) ? f.AlphabetName : $"{FamilyName}　{GivenName}".Trim('　');
    [System.Text.Json.Serialization.JsonIgnore]
    public string FullNameKana => $"{FamilyNameKana}　{GivenNameKana}".Trim('　');
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsHead => Relationship == HouseholdRules.HeadRelationship;
}

public enum ResidentKind { Japanese = 1, Foreign = 2 }

/// <summary>住民状態: 住民 or 除票 (消除された住民票; standard 1.1.5), or 取消 when the creating movement was cancelled.</summary>
public enum ResidentStatus { Resident = 1, Removed = 2, Voided = 3 }

/// <summary>住所 (standard 1.3.2–1.3.4): 町字 / 番地 / 方書 kept apart, as the standard layout requires.</summary>
public sealed record Address
{
    public string PostalCode { get; init; } = "";
    public string? AddressCode { get; init; }
    public string Town { get; init; } = "";
    public string BlockNumber { get; init; } = "";
    public string? Building { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public string Display => string.IsNullOrEmpty(Building) ? $"{Town}{BlockNumber}" : $"{Town}{BlockNumber}　{Building}";
}

/// <summary>転入前住所: domestic (with 転出証明書 details) or abroad.</summary>
public sealed record PriorAddress
{
    public bool Abroad { get; init; }
    public string Text { get; init; } = "";
    public string? HeadName { get; init; }
    /// <summary>転出証明書: issuing municipality and 転出予定日 written on it.</summary>
    public string? CertificateIssuer { get; init; }
    public DateOnly? CertificatePlannedDate { get; init; }
    public MoveInKind Kind { get; init; } = MoveInKind.Ordinary;
}

public enum MoveInKind { Ordinary = 1, SpecialCase = 2, Unnotified = 3, FromAbroad = 4, Return = 5 }

/// <summary>転出: 予定日 and 転出先; confirmed when the 転入通知 arrives (standard 4.1.3.1).</summary>
public sealed record PlannedMoveOut
{
    public DateOnly PlannedDate { get; init; }
    public string Destination { get; init; } = "";
    public bool Abroad { get; init; }
    public DateOnly? ConfirmedOn { get; init; }
    public DateOnly? ActualMoveInDate { get; init; }
}

/// <summary>Qualification items of other businesses, kept as plain fields until those modules own them.</summary>
public sealed record Qualifications
{
    public string? NationalHealthInsurance { get; init; }
    public string? LateStageElderly { get; init; }
    public string? CareInsurance { get; init; }
    public string? NationalPension { get; init; }
    public string? ChildAllowance { get; init; }
}

/// <summary>外国人住民の記載事項 (住基法30条の45). Birth dates are kept 西暦 (standard 1.1.2).</summary>
public sealed record ForeignResidentItems
{
    public string AlphabetName { get; init; } = "";
    public string? CommonName { get; init; }
    public string? CommonNameKana { get; init; }
    public IReadOnlyList<CommonNameEntry> CommonNameHistory { get; init; } = [];
    public string Nationality { get; init; } = "";
    public ForeignResidentCategory Category { get; init; }
    public string? ResidenceStatus { get; init; }
    public string? PeriodOfStay { get; init; }
    public DateOnly? StayExpiresOn { get; init; }
    public string? CardNumber { get; init; }
}

/// <summary>
/// 通称の履歴 (住基法施行令30条の27): each 通称 with the dates it was recorded and removed and the 市町村 that did so
/// (null in entries written before the names were kept).
/// </summary>
public sealed record CommonNameEntry(string Name, DateOnly RecordedOn, DateOnly? RemovedOn, string? RecordedBy = null, string? RemovedBy = null);
