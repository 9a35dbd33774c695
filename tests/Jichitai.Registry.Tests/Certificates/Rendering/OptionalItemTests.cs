using CsCheck;
using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Features.Certificates;
using Jichitai.Registry.Features.Certificates.Rendering;
using Jichitai.Registry.Residents;
using static Jichitai.Registry.Tests.Certificates.Rendering.CertificateFixtures;

namespace Jichitai.Registry.Tests.Certificates.Rendering;

/// <summary>住基法12条5項, 標準5.1: an optional item (label and value) is printed exactly when its flag is requested, in every kind.</summary>
public class OptionalItemTests
{
    public static TheoryData<CertificateKind, CertificateLayout, CertificateItems> Cases()
    {
        var data = new TheoryData<CertificateKind, CertificateLayout, CertificateItems>();
        (CertificateKind, CertificateLayout)[] kinds =
        [
            (CertificateKind.ResidentRecordCopy, CertificateLayout.Personal), (CertificateKind.ResidentRecordCopy, CertificateLayout.Household),
            (CertificateKind.RemovedRecordCopy, CertificateLayout.Personal), (CertificateKind.ResidentItemCertificate, CertificateLayout.Personal),
            (CertificateKind.RemovedItemCertificate, CertificateLayout.Personal), (CertificateKind.MoveOutCertificate, CertificateLayout.Personal),
            (CertificateKind.MoveOutEquivalentCertificate, CertificateLayout.Personal), (CertificateKind.MoveOutCertificate, CertificateLayout.Household),
        ];
        foreach (var (kind, layout) in kinds)
            foreach (var item in Enum.GetValues<CertificateItems>().Where(i => i != CertificateItems.None))
                data.Add(kind, layout, item);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Item_IsPrintedExactlyWhenRequested(CertificateKind kind, CertificateLayout layout, CertificateItems item)
    {
        var foreign = item is CertificateItems.CommonName or CertificateItems.ResidenceDetails;
        var (labels, values) = Expected(item, layout);

        var with = Squeeze(Text(InputFor(kind, layout, item, foreign)));
        var without = Squeeze(Text(InputFor(kind, layout, CertificateItems.None, foreign)));

        foreach (var text in labels.Concat(values))
        {
            Assert.Contains(Squeeze(text), with);
            Assert.DoesNotContain(Squeeze(text), without);
        }
    }

    /// <summary>Any combination of items, any kind: every requested item is there, every other one absent (labels and the numbers).</summary>
    [Fact]
    public void AnyCombinationOfItems_PrintsExactlyTheRequestedOnes()
    {
        var kinds = Cases().Select(c => ((CertificateKind)c[0], (CertificateLayout)c[1])).Distinct().ToArray();
        var flags = Enum.GetValues<CertificateItems>().Where(i => i != CertificateItems.None).ToArray();
        Gen.Select(Gen.Int[0, (1 << flags.Length) - 1], Gen.Int[0, kinds.Length - 1], Gen.Bool).Sample((mask, k, foreign) =>
        {
            var items = flags.Where((_, i) => (mask & (1 << i)) != 0).Aggregate(CertificateItems.None, (a, b) => a | b);
            var (kind, layout) = kinds[k];
            var text = Squeeze(Text(InputFor(kind, layout, items, foreign)));
            foreach (var flag in flags)
            {
                var (labels, values) = Expected(flag, layout);
                if (items.HasFlag(flag) && Applies(flag, foreign))
                    Assert.All(labels.Concat(values), t => Assert.Contains(Squeeze(t), text));
                else
                    Assert.All(labels, t => Assert.DoesNotContain(Squeeze(t), text));
            }
            Assert.Equal(items.HasFlag(CertificateItems.PersonalNumber), text.Contains(PersonalNumber, StringComparison.Ordinal));
            Assert.Equal(items.HasFlag(CertificateItems.ResidentCode), text.Contains(ResidentCode, StringComparison.Ordinal));
        }, iter: 60);
    }

    // 本籍・筆頭者 and 旧氏 are 日本人住民's items; 通称 and 在留資格等 are 外国人住民's (住基法7条, 30条の45).
    private static bool Applies(CertificateItems flag, bool foreign) => flag switch
    {
        CertificateItems.DomicileAndHead or CertificateItems.FormerSurname => !foreign,
        CertificateItems.CommonName or CertificateItems.ResidenceDetails => foreign,
        _ => true,
    };

    [Fact]
    public void PersonalNumberAndResidentCode_NeverPrinted_UnlessRequested()
    {
        var everythingElse = Enum.GetValues<CertificateItems>().Aggregate(CertificateItems.None, (a, b) => a | b)
            & ~CertificateItems.PersonalNumber & ~CertificateItems.ResidentCode;
        foreach (var kind in new[] { CertificateKind.ResidentRecordCopy, CertificateKind.RemovedRecordCopy, CertificateKind.ResidentItemCertificate, CertificateKind.MoveOutCertificate })
        {
            var text = Squeeze(Text(InputFor(kind, CertificateLayout.Personal, everythingElse, foreign: false)));
            Assert.DoesNotContain(PersonalNumber, text);
            Assert.DoesNotContain(ResidentCode, text);
            Assert.DoesNotContain("個人番号", text);
            Assert.DoesNotContain("住民票コード", text);
            Assert.Contains("本籍", text); // the other items are there
        }
    }

    [Fact]
    public void BaseItems_AreAlwaysPrinted_WithTheBuildingName()
    {
        var text = Squeeze(Text(Input(CertificateKind.ResidentRecordCopy, CertificateItems.None)));
        foreach (var expected in new[] { "氏名", "住民太郎", "生年月日", "昭和55年5月1日", "性別", "男", "住所", "東京都デモ市本町一丁目2番3号デモハイツ101号",
                     "住民となった年月日", "平成27年4月1日", "住所を定めた年月日", "平成27年4月8日届出" })
            Assert.Contains(expected, text);
    }

    [Fact]
    public void ForeignResident_BaseItems_IncludeNationalityAndCategory_AndBothNames()
    {
        var text = Squeeze(Text(Input(CertificateKind.ResidentRecordCopy, CertificateItems.None, Subject(Foreign()))));
        foreach (var expected in new[] { "ZHANGYULIN張玉蓮", "国籍・地域", "中国", "法第30条の45に規定する区分", "中長期在留者", "外国人住民となった年月日" })
            Assert.Contains(expected, text);
    }

    internal static CertificateInput InputFor(CertificateKind kind, CertificateLayout layout, CertificateItems items, bool foreign)
    {
        var record = foreign ? Foreign() : Japanese("住民", "花子", "妻", gender: Gender.Female);
        if (CertificateWordingKinds.Removed(kind))
            record = record with { Status = ResidentStatus.Removed, RemovedOn = new DateOnly(2026, 10, 1), RemovalReason = MovementReasonCode.MoveOut };
        if (CertificateWordingKinds.MoveOut(kind) || CertificateWordingKinds.Removed(kind))
            record = record with { MoveOut = new PlannedMoveOut { PlannedDate = new DateOnly(2026, 12, 10), Destination = "北海道見本町西一条1番" } };
        var subject = Subject(record);
        return Input(kind, items, subject) with
        {
            Layout = layout,
            CertifiedItems = CertificateWordingKinds.Item(kind) ? ["住民となった年月日 平成27年4月1日"] : [],
        };
    }

    private static (string[] Labels, string[] Values) Expected(CertificateItems item, CertificateLayout layout) => item switch
    {
        CertificateItems.HeadAndRelationship => (["世帯主", "続柄"], ["住民　太郎"]),
        CertificateItems.DomicileAndHead => (["本籍", "筆頭者"], ["東京都千代田区霞が関一丁目1番"]),
        CertificateItems.ResidentCode => (["住民票コード"], [ResidentCode]),
        CertificateItems.PersonalNumber => (["個人番号"], [PersonalNumber]),
        CertificateItems.PreviousAddress => (["前住所"], ["大阪府サンプル市北町五丁目6番7号"]),
        CertificateItems.FormerSurname => (["旧氏"], ["旧姓"]),
        CertificateItems.CommonName => (["通称", "通称の記載及び削除"], ["住民　花子", "令和2年6月1日記載"]),
        CertificateItems.MovementHistory => (["異動履歴"], ["大阪府サンプル市から転入"]),
        CertificateItems.ResidenceDetails => (["在留資格", "在留期間等", "在留期間の満了の日", "在留カードの番号"], ["技術・人文知識・国際業務", "令和11年6月1日", "AB12345678CD"]),
        _ => throw new ArgumentOutOfRangeException(nameof(item)),
    };

    internal static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}

internal static class CertificateWordingKinds
{
    public static bool Removed(CertificateKind k) => k is CertificateKind.RemovedRecordCopy or CertificateKind.RemovedItemCertificate;
    public static bool MoveOut(CertificateKind k) => k is CertificateKind.MoveOutCertificate or CertificateKind.MoveOutEquivalentCertificate;
    public static bool Item(CertificateKind k) => k is CertificateKind.ResidentItemCertificate or CertificateKind.RemovedItemCertificate;
}
