using System.Globalization;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Domain.Numbering;
using Jichitai.Registry.Features.Migration.Import;
using Jichitai.Registry.Features.Migration.Layout;
using Jichitai.Registry.Residents;

namespace Jichitai.Registry.Features.Migration.Mapping;

/// <summary>residents.csv ⇄ <see cref="ResidentRecord"/>: the one place that knows which column holds which item.</summary>
public static class ResidentColumns
{
    private static readonly LayoutFile F = MigrationLayout.Residents;
    private static readonly int AddresseeNumber = F.IndexOf("宛名番号"), ResidentCode = F.IndexOf("住民票コード"),
        PersonalNumberColumn = F.IndexOf("個人番号"), Kind = F.IndexOf("住民種別"), Status = F.IndexOf("住民状態"),
        HouseholdNumber = F.IndexOf("世帯番号"), Relationship = F.IndexOf("続柄"), MemberOrder = F.IndexOf("世帯内順位"),
        FamilyName = F.IndexOf("氏"), GivenName = F.IndexOf("名"), FamilyNameKana = F.IndexOf("氏カナ"), GivenNameKana = F.IndexOf("名カナ"),
        KanaConfirmed = F.IndexOf("フリガナ確認"), FormerSurname = F.IndexOf("旧氏"), FormerSurnameKana = F.IndexOf("旧氏カナ"),
        BirthDate = F.IndexOf("生年月日"), Gender = F.IndexOf("性別"), Domicile = F.IndexOf("本籍"), DomicileHead = F.IndexOf("筆頭者"),
        BecameResidentOn = F.IndexOf("住民となった年月日"), PostalCode = F.IndexOf("郵便番号"), AddressCode = F.IndexOf("住所コード"),
        Town = F.IndexOf("町字"), BlockNumber = F.IndexOf("番地"), Building = F.IndexOf("方書"), AddressSetOn = F.IndexOf("住所を定めた年月日"),
        AddressNotifiedOn = F.IndexOf("住所届出年月日"), PreviousAddress = F.IndexOf("転入前住所"), MoveInKind = F.IndexOf("転入区分"),
        PreviousHead = F.IndexOf("転入前世帯主"), MoveOutPlanned = F.IndexOf("転出予定年月日"), MoveOutDestination = F.IndexOf("転出先住所"),
        MoveOutAbroad = F.IndexOf("転出先国外"), MoveOutConfirmed = F.IndexOf("転出確定年月日"), RemovedOn = F.IndexOf("消除年月日"),
        RemovalReason = F.IndexOf("消除事由"), RenewedOn = F.IndexOf("改製年月日"), Electoral = F.IndexOf("選挙人名簿登録"),
        AlphabetName = F.IndexOf("氏名ローマ字"), CommonName = F.IndexOf("通称"), CommonNameKana = F.IndexOf("通称カナ"),
        Nationality = F.IndexOf("国籍・地域"), ForeignCategory = F.IndexOf("外国人住民区分"), ResidenceStatus = F.IndexOf("在留資格"),
        PeriodOfStay = F.IndexOf("在留期間"), StayExpiresOn = F.IndexOf("在留期間満了日"), CardNumber = F.IndexOf("在留カード等番号"),
        Nhi = F.IndexOf("国民健康保険"), LateElderly = F.IndexOf("後期高齢者医療"), Care = F.IndexOf("介護保険"),
        Pension = F.IndexOf("国民年金"), ChildAllowance = F.IndexOf("児童手当");

    /// <summary>A row read: the record (個人番号 not yet encrypted, household id not yet known) and the plain 個人番号.</summary>
    public sealed record Row(ResidentRecord Record, string? PersonalNumber);

    public static Row? Read(FieldReader r)
    {
        var number = r.Required(AddresseeNumber);
        var code = r.Text(ResidentCode);
        if (code is not null && code.Length != Domain.Numbering.ResidentCode.Length) r.Fail("住民票コード", code, "住民票コードは11桁です");
        var personal = r.Text(PersonalNumberColumn);
        if (personal is not null && !PersonalNumber.IsValid(personal, out var pnError)) r.Fail("個人番号", personal, pnError!);
        var kind = (ResidentKind)(r.Code(Kind) ?? 1);
        var status = (ResidentStatus)(r.Code(Status) ?? 1);
        var relationshipCode = r.Required(Relationship);
        var relationship = RelationshipCatalog.TryFromCode(relationshipCode, out var rel) ? rel!.Label : "";
        var foreign = kind == ResidentKind.Foreign ? ReadForeign(r) : null;
        var record = new ResidentRecord
        {
            Kind = kind, Status = status, AddresseeNumber = number, ResidentCode = code,
            HouseholdNumber = r.Required(HouseholdNumber), Relationship = relationship, MemberOrder = r.Number(MemberOrder) ?? 0,
            FamilyName = r.Text(FamilyName) ?? "", GivenName = r.Text(GivenName) ?? "",
            FamilyNameKana = r.Text(FamilyNameKana) ?? "", GivenNameKana = r.Text(GivenNameKana) ?? "", KanaConfirmed = r.Flag(KanaConfirmed),
            FormerSurname = r.Text(FormerSurname), FormerSurnameKana = r.Text(FormerSurnameKana),
            BirthDate = r.Date(BirthDate) ?? default, Gender = (Gender)(r.Code(Gender) ?? 1),
            Domicile = r.Text(Domicile), DomicileHead = r.Text(DomicileHead),
            BecameResidentOn = r.Date(BecameResidentOn) ?? default,
            Address = new Address
            {
                PostalCode = r.Text(PostalCode) ?? "", AddressCode = r.Text(AddressCode), Town = r.Required(Town),
                BlockNumber = r.Text(BlockNumber) ?? "", Building = r.Text(Building),
            },
            AddressSetOn = r.Date(AddressSetOn) ?? default, AddressNotifiedOn = r.Date(AddressNotifiedOn) ?? default,
            PreviousAddress = ReadPrevious(r), MoveOut = ReadMoveOut(r),
            RemovedOn = r.Date(RemovedOn), RemovalReason = r.Code(RemovalReason) is int reason ? (MovementReasonCode)reason : null,
            RenewedOn = r.Date(RenewedOn), OnElectoralRoll = r.Flag(Electoral), Foreign = foreign,
            Qualifications = new Qualifications
            {
                NationalHealthInsurance = r.Text(Nhi), LateStageElderly = r.Text(LateElderly), CareInsurance = r.Text(Care),
                NationalPension = r.Text(Pension), ChildAllowance = r.Text(ChildAllowance),
            },
        };
        CheckItems(r, record);
        return r.RowOk ? new Row(record, personal) : null;
    }

    // Items required by kind and status (住基法7条, 30条の45; 標準1.1.6 空欄にできない項目).
    private static void CheckItems(FieldReader r, ResidentRecord x)
    {
        if (x.Kind == ResidentKind.Japanese)
        {
            if (x.FamilyName.Length == 0) r.Fail("氏", "", "日本人住民の氏は必須です");
            if (x.FamilyNameKana.Length == 0) r.Fail("氏カナ", "", "日本人住民の氏カナは必須です");
        }
        if (x.Status == ResidentStatus.Removed && (x.RemovedOn is null || x.RemovalReason is null))
            r.Fail(x.RemovedOn is null ? "消除年月日" : "消除事由", "", "住民状態が消除(2)のときは必須です");
        if (x.Status == ResidentStatus.Resident && (x.RemovedOn is not null || x.RemovalReason is not null))
            r.Fail("消除年月日", LayoutDates.Format(x.RemovedOn), "住民状態が住民(1)のときは空にしてください");
        if (x.BirthDate != default && x.BecameResidentOn != default && x.BecameResidentOn < x.BirthDate)
            r.Fail("住民となった年月日", LayoutDates.Format(x.BecameResidentOn), "生年月日より前です");
        if (x.BecameResidentOn != default && x.AddressSetOn != default && x.AddressSetOn < x.BecameResidentOn)
            r.Fail("住所を定めた年月日", LayoutDates.Format(x.AddressSetOn), "住民となった年月日より前です");
        if (x.MemberOrder < 1 && r.RowOk) r.Fail("世帯内順位", x.MemberOrder.ToString(CultureInfo.InvariantCulture), "1以上です");
    }

    private static ForeignResidentItems? ReadForeign(FieldReader r)
    {
        var alphabet = r.Text(AlphabetName);
        var nationality = r.Text(Nationality);
        var category = r.Code(ForeignCategory);
        if (alphabet is null) r.Fail("氏名ローマ字", "", "外国人住民は必須です(住基法30条の45)");
        if (nationality is null) r.Fail("国籍・地域", "", "外国人住民は必須です(住基法30条の45)");
        if (category is null) r.Fail("外国人住民区分", "", "外国人住民は必須です(住基法30条の45)");
        return new ForeignResidentItems
        {
            AlphabetName = alphabet ?? "", CommonName = r.Text(CommonName), CommonNameKana = r.Text(CommonNameKana),
            Nationality = nationality ?? "", Category = (ForeignResidentCategory)(category ?? 1),
            ResidenceStatus = r.Text(ResidenceStatus), PeriodOfStay = r.Text(PeriodOfStay), StayExpiresOn = r.Date(StayExpiresOn),
            CardNumber = r.Text(CardNumber),
        };
    }

    private static PriorAddress? ReadPrevious(FieldReader r)
    {
        var text = r.Text(PreviousAddress);
        var kind = r.Code(MoveInKind);
        var head = r.Text(PreviousHead);
        if (text is null && kind is null && head is null) return null;
        var k = (Residents.MoveInKind)(kind ?? 1);
        return new PriorAddress { Text = text ?? "", Kind = k, Abroad = k == Residents.MoveInKind.FromAbroad, HeadName = head };
    }

    private static PlannedMoveOut? ReadMoveOut(FieldReader r)
    {
        var planned = r.Date(MoveOutPlanned);
        var destination = r.Text(MoveOutDestination);
        var abroad = r.Flag(MoveOutAbroad);
        var confirmed = r.Date(MoveOutConfirmed);
        if (planned is null && destination is null && confirmed is null) return null;
        if (planned is null) r.Fail("転出予定年月日", "", "転出先住所または転出確定年月日があるときは必須です");
        return new PlannedMoveOut { PlannedDate = planned ?? default, Destination = destination ?? "", Abroad = abroad, ConfirmedOn = confirmed };
    }

    public static string?[] Write(ResidentRecord x, string? personalNumber)
    {
        var f = new string?[F.Columns.Count];
        f[AddresseeNumber] = x.AddresseeNumber; f[ResidentCode] = x.ResidentCode; f[PersonalNumberColumn] = personalNumber;
        f[Kind] = Code((int)x.Kind); f[Status] = Code((int)x.Status); f[HouseholdNumber] = x.HouseholdNumber;
        f[Relationship] = RelationshipCode(x.Relationship); f[MemberOrder] = Code(x.MemberOrder);
        f[FamilyName] = x.FamilyName; f[GivenName] = x.GivenName; f[FamilyNameKana] = x.FamilyNameKana; f[GivenNameKana] = x.GivenNameKana;
        f[KanaConfirmed] = Flag(x.KanaConfirmed); f[FormerSurname] = x.FormerSurname; f[FormerSurnameKana] = x.FormerSurnameKana;
        f[BirthDate] = LayoutDates.Format(x.BirthDate); f[Gender] = Code((int)x.Gender);
        f[Domicile] = x.Domicile; f[DomicileHead] = x.DomicileHead; f[BecameResidentOn] = LayoutDates.Format(x.BecameResidentOn);
        f[PostalCode] = x.Address.PostalCode; f[AddressCode] = x.Address.AddressCode; f[Town] = x.Address.Town;
        f[BlockNumber] = x.Address.BlockNumber; f[Building] = x.Address.Building;
        f[AddressSetOn] = LayoutDates.Format(x.AddressSetOn);
        f[AddressNotifiedOn] = x.AddressNotifiedOn == default ? "" : LayoutDates.Format(x.AddressNotifiedOn);
        if (x.PreviousAddress is { } p)
        {
            f[PreviousAddress] = p.Text; f[MoveInKind] = Code((int)p.Kind); f[PreviousHead] = p.HeadName;
        }
        if (x.MoveOut is { } m)
        {
            f[MoveOutPlanned] = LayoutDates.Format(m.PlannedDate); f[MoveOutDestination] = m.Destination;
            f[MoveOutConfirmed] = LayoutDates.Format(m.ConfirmedOn);
        }
        f[MoveOutAbroad] = Flag(x.MoveOut?.Abroad ?? false);
        f[RemovedOn] = LayoutDates.Format(x.RemovedOn); f[RemovalReason] = x.RemovalReason is { } r ? Code((int)r) : "";
        f[RenewedOn] = LayoutDates.Format(x.RenewedOn); f[Electoral] = Flag(x.OnElectoralRoll);
        if (x.Foreign is { } fr)
        {
            f[AlphabetName] = fr.AlphabetName; f[CommonName] = fr.CommonName; f[CommonNameKana] = fr.CommonNameKana;
            f[Nationality] = fr.Nationality; f[ForeignCategory] = Code((int)fr.Category); f[ResidenceStatus] = fr.ResidenceStatus;
            f[PeriodOfStay] = fr.PeriodOfStay; f[StayExpiresOn] = LayoutDates.Format(fr.StayExpiresOn); f[CardNumber] = fr.CardNumber;
        }
        f[Nhi] = x.Qualifications.NationalHealthInsurance; f[LateElderly] = x.Qualifications.LateStageElderly;
        f[Care] = x.Qualifications.CareInsurance; f[Pension] = x.Qualifications.NationalPension; f[ChildAllowance] = x.Qualifications.ChildAllowance;
        return f;
    }

    internal static string Code(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Flag(bool value) => value ? "1" : "0";

    /// <summary>The stored 続柄 is its label (世帯主, 子の妻 …); the layout carries its code.</summary>
    internal static string RelationshipCode(string label) =>
        RelationshipCatalog.TryParse(label, out var r, out _) ? r!.Code : "";
}
