using System.Text;
using Jichitai.Documents;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Features.Certificates;
using Jichitai.Registry.Features.Certificates.Rendering;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Residents;
using UglyToad.PdfPig;

namespace Jichitai.Registry.Tests.Certificates.Rendering;

/// <summary>Fictional people and a certificate input around them, and the text a rendered PDF says (read back with PdfPig).</summary>
internal static class CertificateFixtures
{
    public const string ResidentCode = "12345678901";
    public const string PersonalNumber = "987654321098";
    public const string VerificationCode = "7K3QM2XD9WBN4HT3";
    public const string IssueNumber = "20261127 デモ市 本庁1 プリンタ001 011";

    public static ResidentRecord Japanese(string family = "住民", string given = "太郎", string relationship = "世帯主", DateOnly? birth = null,
        string addressee = "000000000017", Gender gender = Gender.Male) => new()
    {
        Kind = ResidentKind.Japanese,
        FamilyName = family, GivenName = given, FamilyNameKana = "ジュウミン", GivenNameKana = "タロウ",
        BirthDate = birth ?? new DateOnly(1980, 5, 1), Gender = gender,
        HouseholdNumber = "0000000101", Relationship = relationship,
        Domicile = "東京都千代田区霞が関一丁目1番", DomicileHead = "住民　太郎",
        BecameResidentOn = new DateOnly(2015, 4, 1),
        Address = new Address { PostalCode = "1000001", Town = "東京都デモ市本町一丁目", BlockNumber = "2番3号", Building = "デモハイツ101号" },
        AddressSetOn = new DateOnly(2015, 4, 1), AddressNotifiedOn = new DateOnly(2015, 4, 8),
        PreviousAddress = new PriorAddress { Text = "大阪府サンプル市北町五丁目6番7号" },
        FormerSurname = "旧姓", FormerSurnameKana = "キュウセイ",
        ResidentCode = ResidentCode, AddresseeNumber = addressee,
    };

    public static ResidentRecord Foreign() => Japanese("張", "玉蓮", birth: new DateOnly(1990, 3, 15), addressee: "000000000025", gender: Gender.Female) with
    {
        Kind = ResidentKind.Foreign, FamilyNameKana = "チャン", GivenNameKana = "ユウリン",
        Domicile = null, DomicileHead = null, FormerSurname = null,
        Foreign = new ForeignResidentItems
        {
            AlphabetName = "ZHANG YULIN", CommonName = "住民　花子", CommonNameKana = "ジュウミン　ハナコ",
            CommonNameHistory = [new CommonNameEntry("住民　花子", new DateOnly(2020, 6, 1), null, "東京都デモ市")],
            Nationality = "中国", Category = ForeignResidentCategory.MidToLongTermResident,
            ResidenceStatus = "技術・人文知識・国際業務", PeriodOfStay = "5年", StayExpiresOn = new DateOnly(2029, 6, 1), CardNumber = "AB12345678CD",
        },
    };

    public static MovementEntry History(string reason, DateOnly on, string summary) =>
        new(1, reason, on, on.AddDays(3), new DateTime(2015, 4, 4), "職員", false, summary, null, null, null);

    public static CertificateSubject Subject(ResidentRecord record) => new()
    {
        Record = record, PersonalNumber = PersonalNumber, HeadName = "住民　太郎",
        History = [History("転入", new DateOnly(2015, 4, 1), "大阪府サンプル市から転入")],
    };

    public static CertificateIssuer Issuer { get; } = new()
    {
        PrefectureName = "東京都", MunicipalityName = "デモ市", MayorTitle = "市長", MayorName = "見本　一郎",
        SealNote = "この印は黒色です", DepartmentName = "市民課",
    };

    public static CertificateInput Input(CertificateKind kind, CertificateItems items, params CertificateSubject[] subjects) => new()
    {
        Kind = kind, Items = items, Subjects = subjects.Length > 0 ? subjects : [Subject(Japanese())], Issuer = Issuer,
        IssuedAt = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(9)),
        IssueNumber = IssueNumber, VerificationCode = VerificationCode, VerifyUrl = "https://demo.jichitai.example/verify?code=" + VerificationCode,
    };

    public static IReadOnlyList<string> PageTexts(DocumentResult result)
    {
        using var document = PdfDocument.Open(result.Pdf);
        return document.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value))).ToList();
    }

    public static string Text(DocumentResult result) => string.Concat(PageTexts(result));

    public static string Text(CertificateInput input) => Text(CertificateRenderer.Render(input));
}
