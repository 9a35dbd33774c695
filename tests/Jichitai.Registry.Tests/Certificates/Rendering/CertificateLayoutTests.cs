using Jichitai.Registry.Domain.Codes;
using Jichitai.Registry.Features.Certificates;
using Jichitai.Registry.Features.Certificates.Rendering;
using Jichitai.Registry.Residents;
using static Jichitai.Registry.Tests.Certificates.Rendering.CertificateFixtures;
using static Jichitai.Registry.Tests.Certificates.Rendering.OptionalItemTests;

namespace Jichitai.Registry.Tests.Certificates.Rendering;

/// <summary>Pages, 認証文, marks, 発行番号 and 照合番号, 文字溢れ, dates and the 認証者 of the rendered certificates (標準5.1, 5.5–5.8).</summary>
public class CertificateLayoutTests
{
    private const string PersonalAttestation = "この写しは、住民票の原本と相違ないことを証明する。";
    private const string WholeAttestation = "この写しは、世帯全員の住民票の原本と相違ないことを証明する。";
    private const string PartAttestation = "この写しは、世帯の一部の住民票の原本と相違ないことを証明する。";

    private static CertificateSubject[] People(int count) =>
        Enumerable.Range(0, count).Select(i => Subject(Japanese("住民", $"人{i + 1}", i == 0 ? "世帯主" : "子",
            new DateOnly(1980 + i, 1, 1), $"0000000001{i:D2}"))).ToArray();

    [Fact]
    public void PersonalCopy_OfTwoPeople_PrintsTheAttestationOnTheLastPageOnly()
    {
        var pages = PageTexts(CertificateRenderer.Render(Input(CertificateKind.ResidentRecordCopy, CertificateItems.None, People(2))));

        Assert.Equal(2, pages.Count);
        Assert.DoesNotContain(Squeeze(PersonalAttestation), Squeeze(pages[0]));
        Assert.Contains(Squeeze(PersonalAttestation), Squeeze(pages[1]));
        Assert.Contains("住民人1", Squeeze(pages[0]));
        Assert.Contains("住民人2", Squeeze(pages[1]));
    }

    [Fact]
    public void HouseholdCopy_OfSixPeople_TakesTwoSheetsOfAtMostFour_NumberedOneOfTwo()
    {
        var input = Input(CertificateKind.ResidentRecordCopy, CertificateItems.HeadAndRelationship | CertificateItems.DomicileAndHead, People(6))
            with { Layout = CertificateLayout.Household, WholeHousehold = true };
        var pages = PageTexts(CertificateRenderer.Render(input)).Select(Squeeze).ToList();

        Assert.Equal(2, pages.Count);
        Assert.Equal(4, Enumerable.Range(1, 6).Count(i => pages[0].Contains($"住民人{i}", StringComparison.Ordinal)));
        Assert.Equal(2, Enumerable.Range(1, 6).Count(i => pages[1].Contains($"住民人{i}", StringComparison.Ordinal)));
        Assert.Contains(Squeeze(IssueNumber) + "1/2", pages[0]);
        Assert.Contains(Squeeze(IssueNumber) + "2/2", pages[1]);
        Assert.Contains("（続き）2/2", pages[1]); // numbered at the top too
        // The header (住所, 世帯主) is repeated on every sheet; the 認証文 only on the last.
        Assert.All(pages, p => Assert.Contains("東京都デモ市本町一丁目2番3号デモハイツ101号", p));
        Assert.DoesNotContain(Squeeze(WholeAttestation), pages[0]);
        Assert.Contains(Squeeze(WholeAttestation), pages[1]);
    }

    [Fact]
    public void HouseholdCopy_OfFourPeople_FitsOneSheet()
    {
        var input = Input(CertificateKind.ResidentRecordCopy, CertificateItems.HeadAndRelationship | CertificateItems.DomicileAndHead
            | CertificateItems.ResidentCode | CertificateItems.PreviousAddress, People(4)) with { Layout = CertificateLayout.Household };
        Assert.Equal(1, CertificateRenderer.Render(input).PageCount);
    }

    [Theory]
    [InlineData(true, WholeAttestation, PartAttestation)]
    [InlineData(false, PartAttestation, WholeAttestation)]
    public void HouseholdCopy_Attestation_SaysWholeOrPart(bool whole, string expected, string other)
    {
        var text = Squeeze(Text(Input(CertificateKind.ResidentRecordCopy, CertificateItems.None, People(2))
            with { Layout = CertificateLayout.Household, WholeHousehold = whole }));
        Assert.Contains(Squeeze(expected), text);
        Assert.DoesNotContain(Squeeze(other), text);
        Assert.DoesNotContain(Squeeze(PersonalAttestation), text);
    }

    [Theory]
    [InlineData(CertificateKind.ResidentRecordCopy, "住民票の写し", "この写しは、住民票の原本と相違ないことを証明する。")]
    [InlineData(CertificateKind.RemovedRecordCopy, "住民票の除票の写し", "この写しは、住民票の除票の原本と相違ないことを証明する。")]
    [InlineData(CertificateKind.ResidentItemCertificate, "住民票記載事項証明書", "上記のとおり住民票に記載されていることを証明する。")]
    [InlineData(CertificateKind.RemovedItemCertificate, "除票記載事項証明書", "上記のとおり住民票の除票に記載されていることを証明する。")]
    [InlineData(CertificateKind.MoveOutCertificate, "転出証明書", "上記の者は、転出の届出をしたことを証明する。")]
    [InlineData(CertificateKind.MoveOutEquivalentCertificate, "転出証明書に準ずる証明書", "転入届に添付すべき書類として発行したものである。")]
    public void EachKind_HasItsTitleAndAttestation(CertificateKind kind, string title, string attestation)
    {
        var text = Squeeze(Text(InputFor(kind, CertificateLayout.Personal, CertificateItems.None, foreign: false)));
        Assert.StartsWith(Squeeze(title), text);
        Assert.Contains(Squeeze(attestation), text);
    }

    [Fact]
    public void RemovedCopy_PrintsTheRemovalDateAndReason_AndTheDestination()
    {
        var text = Squeeze(Text(InputFor(CertificateKind.RemovedRecordCopy, CertificateLayout.Personal, CertificateItems.None, foreign: false)));
        Assert.Contains("消除された年月日令和8年10月1日", text);
        Assert.Contains("消除の事由転出", text);
        Assert.Contains("転出先北海道見本町西一条1番", text);
    }

    [Fact]
    public void CurrentCopy_NeverPrintsThePlannedMoveOut()
    {
        // 標準5.1: before the planned date the items recorded from the 転出届 are left out.
        var record = Japanese() with { MoveOut = new PlannedMoveOut { PlannedDate = new DateOnly(2026, 12, 10), Destination = "北海道見本町西一条1番" } };
        var text = Squeeze(Text(Input(CertificateKind.ResidentRecordCopy, CertificateItems.None, Subject(record))));
        Assert.DoesNotContain("転出", text);
        Assert.DoesNotContain("北海道", text);
    }

    [Fact]
    public void MoveOutCertificate_PrintsDestinationAndPlannedDate()
    {
        var text = Squeeze(Text(InputFor(CertificateKind.MoveOutCertificate, CertificateLayout.Personal, CertificateItems.None, foreign: false)));
        Assert.Contains("転出先北海道見本町西一条1番", text);
        Assert.Contains("転出予定年月日令和8年12月10日", text);
        Assert.DoesNotContain("転入届に添付", text);
        // 施行令23条 does not list the dates of becoming a resident or of setting the address.
        Assert.DoesNotContain("住民となった年月日", text);
        Assert.DoesNotContain("住所を定めた年月日", text);
        Assert.Contains("住所東京都デモ市本町一丁目2番3号デモハイツ101号", text);
    }

    [Fact]
    public void ItemCertificate_PrintsTheCertifiedItemsInOrder()
    {
        var input = Input(CertificateKind.ResidentItemCertificate, CertificateItems.None) with { CertifiedItems = ["世帯主の氏名　住民　太郎", "続柄　世帯主"] };
        var text = Squeeze(Text(input));
        Assert.Contains("証明事項世帯主の氏名住民太郎続柄世帯主", text);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void OfficialAndReissueMarks_AppearExactlyWhenSet(bool official, bool reissue)
    {
        var text = Text(Input(CertificateKind.ResidentRecordCopy, CertificateItems.None) with { Official = official, Reissue = reissue });
        Assert.Equal(official, text.Contains("公用", StringComparison.Ordinal));
        Assert.Equal(reissue, text.Contains("再交付", StringComparison.Ordinal));
    }

    [Fact]
    public void Sample_IsMarked_AndCarriesNoVerificationCode()
    {
        var input = Input(CertificateKind.ResidentRecordCopy, CertificateItems.None);
        var sample = Text(input with { Sample = true });
        Assert.Contains("見本", sample);
        Assert.Contains("証明書として使用できません", sample);
        Assert.DoesNotContain("照合番号", sample);
        Assert.DoesNotContain("証明書として使用できません", Text(input));
    }

    [Fact]
    public void AddressOf200Characters_IsPrintedWhole_WithoutOverflow()
    {
        const string town = "東京都デモ市本町一丁目", block = "2番3号";
        var building = string.Concat(Enumerable.Range(0, 200).Select(i => "山川谷森林村坂橋丘港"[i % 10]))[..(200 - town.Length - block.Length)];
        var record = Japanese() with { Address = new Address { Town = town, BlockNumber = block, Building = building } };
        Assert.Equal(200, Squeeze(record.Address.Display).Length);

        var result = CertificateRenderer.Render(Input(CertificateKind.ResidentRecordCopy, CertificateItems.None, Subject(record)));

        Assert.True(result.IsComplete, string.Join(" / ", result.Problems.Select(p => p.Message)));
        Assert.Contains(Squeeze(record.Address.Display), Squeeze(Text(result)));
    }

    [Fact]
    public void VeryLongName_ShrinksOrWraps_AndStaysWhole()
    {
        var record = Japanese("長谷川長谷川長谷川長谷川長谷川", "太郎左衛門太郎左衛門太郎左衛門太郎左衛門太郎左衛門");
        var result = CertificateRenderer.Render(Input(CertificateKind.ResidentRecordCopy, CertificateItems.None, Subject(record)) with { Layout = CertificateLayout.Household });
        Assert.True(result.IsComplete);
        Assert.Contains(Squeeze(record.FullName), Squeeze(Text(result)));
    }

    [Fact]
    public void IssueNumberAndVerificationCode_AreOnEveryPage_WithTheVerifyAddress()
    {
        var pages = PageTexts(CertificateRenderer.Render(Input(CertificateKind.ResidentRecordCopy, CertificateItems.MovementHistory, People(3))));
        Assert.Equal(3, pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            var page = Squeeze(pages[i]);
            Assert.Contains($"発行番号{Squeeze(IssueNumber)}{i + 1}/3", page);
            Assert.Contains("照合番号7K3Q-M2XD-9WBN-4HT3", page);
            Assert.Contains("demo.jichitai.example/verifyで照合番号により確認できます", page);
        }
    }

    [Fact]
    public void LongHistory_ContinuesOnAnotherPage_AttestationOnTheLast()
    {
        var subject = Subject(Japanese()) with
        {
            History = Enumerable.Range(0, 40).Select(i => History("転居", new DateOnly(1990 + i % 30, 1 + i % 12, 1), $"転居その{i + 1}")).ToList(),
        };
        var pages = PageTexts(CertificateRenderer.Render(Input(CertificateKind.ResidentRecordCopy, CertificateItems.MovementHistory, subject))).Select(Squeeze).ToList();
        Assert.True(pages.Count >= 2);
        Assert.Contains("（続き）", pages[1]);
        Assert.Contains("転居その40", pages[^1]);
        Assert.Single(pages, p => p.Contains(Squeeze(PersonalAttestation), StringComparison.Ordinal));
        Assert.Contains(Squeeze(PersonalAttestation), pages[^1]);
    }

    [Fact]
    public void BirthDate_IsWareki_ForJapanese_AndSeireki_ForForeignResidents()
    {
        var japanese = Squeeze(Text(Input(CertificateKind.ResidentRecordCopy, CertificateItems.None)));
        var foreign = Squeeze(Text(Input(CertificateKind.ResidentRecordCopy, CertificateItems.None, Subject(Foreign()))));
        Assert.Contains("生年月日昭和55年5月1日", japanese);
        Assert.Contains("生年月日1990年3月15日", foreign);
        Assert.DoesNotContain("平成2年3月15日", foreign);
        // Other dates of a foreign resident stay 和暦 (標準1.1.9).
        Assert.Contains("住所を定めた年月日平成27年4月1日", foreign);
    }

    [Fact]
    public void Kana_IsPrintedInBrackets_OnlyWhenChosen()
    {
        var record = Foreign();
        var plain = Squeeze(Text(Input(CertificateKind.ResidentRecordCopy, CertificateItems.CommonName, Subject(record))));
        var kana = Squeeze(Text(Input(CertificateKind.ResidentRecordCopy, CertificateItems.CommonName, Subject(record)) with { PrintKana = true }));
        Assert.DoesNotContain("チャン", plain);
        Assert.Contains("ZHANGYULIN張玉蓮（チャンユウリン）", kana);
        Assert.Contains("住民花子（ジュウミンハナコ）", kana);
    }

    [Fact]
    public void IssueDateAndIssuer_AreOnTheLastPage_InWareki()
    {
        var pages = PageTexts(CertificateRenderer.Render(Input(CertificateKind.ResidentRecordCopy, CertificateItems.None, People(2)))).Select(Squeeze).ToList();
        Assert.Contains("令和8年11月27日東京都デモ市長見本一郎", pages[1]);
        Assert.DoesNotContain("東京都デモ市長", pages[0]);
        Assert.DoesNotContain("デモ市市長", pages[1]);
        Assert.Contains("この印は黒色です", pages[1]);
        Assert.Contains("東京都デモ市長之印", pages[1]); // the drawn seal when no 電子公印 is registered
    }

    [Fact]
    public void RegisteredSeal_IsUsedInsteadOfTheDrawnOne()
    {
        using var bitmap = new SkiaSharp.SKBitmap(100, 100);
        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        var input = Input(CertificateKind.ResidentRecordCopy, CertificateItems.None) with { Issuer = Issuer with { SealPng = data.ToArray() } };
        Assert.DoesNotContain("之印", Squeeze(Text(input)));
    }

    [Fact]
    public void SameInput_GivesTheSameBytes()
    {
        var input = Input(CertificateKind.ResidentRecordCopy, CertificateItems.HeadAndRelationship, People(5)) with { Layout = CertificateLayout.Household };
        Assert.Equal(CertificateRenderer.Render(input).Sha256, CertificateRenderer.Render(input).Sha256);
    }

    [Fact]
    public void RenderPages_GivesOnePicturePerPage()
    {
        var input = Input(CertificateKind.ResidentRecordCopy, CertificateItems.None, People(6)) with { Layout = CertificateLayout.Household };
        var pictures = CertificateRenderer.RenderPages(input, 40);
        Assert.Equal(2, pictures.Count);
        Assert.All(pictures, png => Assert.Equal(0x89, png[0]));
    }

    [Fact]
    public void RemovedCopy_InHouseholdLayout_IsRefused()
    {
        var input = InputFor(CertificateKind.RemovedRecordCopy, CertificateLayout.Household, CertificateItems.None, foreign: false);
        Assert.Throws<ArgumentException>(() => CertificateRenderer.Render(input));
    }
}
