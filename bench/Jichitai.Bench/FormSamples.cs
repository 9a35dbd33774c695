using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Features.Certificates;
using Jichitai.Registry.Features.Certificates.Rendering;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Residents;

namespace Jichitai.Bench;

/// <summary>Fictional people (デモ市) on one sample of each certificate, for the pictures in docs/forms.</summary>
internal static class FormSamples
{
    private static readonly CertificateIssuer Issuer = new()
    {
        PrefectureName = "東京都", MunicipalityName = "デモ市", MayorTitle = "市長", MayorName = "見本　一郎",
        SealNote = "この印は黒色です", DepartmentName = "市民課",
    };

    private static readonly Address Home = new() { PostalCode = "1000001", Town = "東京都デモ市本町一丁目", BlockNumber = "2番3号", Building = "デモハイツ101号" };

    private static ResidentRecord Person(string family, string given, string kanaFamily, string kanaGiven, string relationship, DateOnly birth, Gender gender, string number) => new()
    {
        FamilyName = family, GivenName = given, FamilyNameKana = kanaFamily, GivenNameKana = kanaGiven,
        BirthDate = birth, Gender = gender, Relationship = relationship, HouseholdNumber = "0000000101",
        Domicile = "東京都デモ市本町一丁目2番地", DomicileHead = "見本　太郎",
        BecameResidentOn = new DateOnly(2012, 4, 1), Address = Home, AddressSetOn = new DateOnly(2012, 4, 1), AddressNotifiedOn = new DateOnly(2012, 4, 5),
        PreviousAddress = new PriorAddress { Text = "大阪府サンプル市北町五丁目6番7号" },
        ResidentCode = "1234567890" + number[^1], AddresseeNumber = "0000000000" + number,
    };

    private static readonly ResidentRecord Head = Person("見本", "太郎", "ミホン", "タロウ", "世帯主", new DateOnly(1975, 6, 12), Gender.Male, "11");

    private static CertificateSubject Subject(ResidentRecord r) => new()
    {
        Record = r, HeadName = r.IsHead ? null : "見本　太郎", PersonalNumber = "123456789018",
        History = [new MovementEntry(1, "転入", r.BecameResidentOn, r.AddressNotifiedOn, new DateTime(2012, 4, 5), "職員", false, "大阪府サンプル市から転入", null, null, null)],
    };

    private static CertificateInput Input(CertificateKind kind, CertificateItems items, params ResidentRecord[] people) => new()
    {
        Kind = kind, Items = items, Subjects = people.Select(Subject).ToList(), Issuer = Issuer,
        IssuedAt = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(9)),
        IssueNumber = "20261127 デモ市 本庁1 プリンタ001 011", VerificationCode = "7K3QM2XD9WBN4HT3",
        VerifyUrl = "https://demo.jichitai.example/verify?code=7K3QM2XD9WBN4HT3",
    };

    private static ResidentRecord[] Family() =>
    [
        Head,
        Person("見本", "花子", "ミホン", "ハナコ", "妻", new DateOnly(1978, 2, 3), Gender.Female, "12") with { FormerSurname = "試験", FormerSurnameKana = "シケン" },
        Person("見本", "一郎", "ミホン", "イチロウ", "子", new DateOnly(2005, 9, 30), Gender.Male, "13"),
        Person("見本", "二葉", "ミホン", "フタバ", "子", new DateOnly(2009, 1, 15), Gender.Female, "14"),
        Person("見本", "梅", "ミホン", "ウメ", "母", new DateOnly(1948, 11, 3), Gender.Female, "15"),
    ];

    private static ResidentRecord ForeignResident() =>
        Person("張", "玉蓮", "チャン", "ユウリン", "世帯主", new DateOnly(1990, 3, 15), Gender.Female, "21") with
        {
            Kind = ResidentKind.Foreign, Domicile = null, DomicileHead = null,
            Foreign = new ForeignResidentItems
            {
                AlphabetName = "ZHANG YULIN", CommonName = "住民　花子", CommonNameKana = "ジュウミン　ハナコ",
                CommonNameHistory = [new CommonNameEntry("住民　花子", new DateOnly(2020, 6, 1), null, "東京都デモ市")],
                Nationality = "中国", Category = ForeignResidentCategory.MidToLongTermResident,
                ResidenceStatus = "技術・人文知識・国際業務", PeriodOfStay = "5年", StayExpiresOn = new DateOnly(2029, 6, 1), CardNumber = "AB12345678CD",
            },
        };

    public static IEnumerable<(string Name, CertificateInput Input)> All()
    {
        var family = HouseholdOrder.Sort(Family(), r => r);
        yield return ("juminhyo-personal", Input(CertificateKind.ResidentRecordCopy,
            CertificateItems.HeadAndRelationship | CertificateItems.DomicileAndHead | CertificateItems.PreviousAddress | CertificateItems.MovementHistory, Head));
        yield return ("juminhyo-household", Input(CertificateKind.ResidentRecordCopy,
            CertificateItems.HeadAndRelationship | CertificateItems.DomicileAndHead, [.. family]) with { Layout = CertificateLayout.Household, WholeHousehold = true });
        yield return ("juminhyo-foreign", Input(CertificateKind.ResidentRecordCopy,
            CertificateItems.HeadAndRelationship | CertificateItems.CommonName | CertificateItems.ResidenceDetails, ForeignResident()) with { PrintKana = true });
        yield return ("juminhyo-long-address-official", Input(CertificateKind.ResidentRecordCopy, CertificateItems.None,
            Head with { Address = Home with { Town = "東京都デモ市本町一丁目", BlockNumber = "2番3号", Building = string.Concat(Enumerable.Repeat("グランドメゾンデモ本町駅前レジデンス", 6)) + "東棟1201号室" } })
            with { Official = true });
        var removed = Head with
        {
            Status = ResidentStatus.Removed, RemovedOn = new DateOnly(2026, 10, 1), RemovalReason = MovementReasonCode.MoveOut,
            MoveOut = new PlannedMoveOut { PlannedDate = new DateOnly(2026, 10, 1), Destination = "北海道見本町西一条1番" },
        };
        yield return ("jyohyo", Input(CertificateKind.RemovedRecordCopy, CertificateItems.None, removed));
        yield return ("kisai-jiko", Input(CertificateKind.ResidentItemCertificate, CertificateItems.None, Head)
            with { CertifiedItems = ["世帯主の氏名　見本　太郎", "本籍　東京都デモ市本町一丁目2番地"] });
        var leaving = Head with { MoveOut = new PlannedMoveOut { PlannedDate = new DateOnly(2026, 12, 10), Destination = "北海道見本町西一条1番" } };
        var moveOutItems = CertificateItems.HeadAndRelationship | CertificateItems.DomicileAndHead | CertificateItems.ResidentCode | CertificateItems.PersonalNumber;
        yield return ("tenshutsu", Input(CertificateKind.MoveOutCertificate, moveOutItems, leaving));
        yield return ("tenshutsu-junzuru-reissue", Input(CertificateKind.MoveOutEquivalentCertificate, moveOutItems, leaving) with { Reissue = true });
        yield return ("jumin-code-notice", Input(CertificateKind.ResidentCodeNotice, CertificateItems.None, Head));
        yield return ("support-measure-end", Input(CertificateKind.SupportMeasureEndNotice, CertificateItems.None, Head)
            with { SupportMeasure = new SupportMeasurePeriod(new DateOnly(2025, 12, 27), new DateOnly(2026, 12, 26), null) });
    }
}
