using Jichitai.Registry.Features.Certificates;
using Jichitai.Registry.Features.Certificates.Rendering;
using static Jichitai.Registry.Tests.Certificates.Rendering.CertificateFixtures;
using static Jichitai.Registry.Tests.Certificates.Rendering.OptionalItemTests;

namespace Jichitai.Registry.Tests.Certificates.Rendering;

/// <summary>住民票コード通知票 (標準4.3.3), 支援措置期間終了通知 (標準3.4) and the 認証者's title (標準5.6).</summary>
public class NoticeAndIssuerTests
{
    [Fact]
    public void ResidentCodeNotice_TellsThePersonTheirCode()
    {
        var text = Squeeze(Text(Input(CertificateKind.ResidentCodeNotice, CertificateItems.None)));
        Assert.StartsWith("住民票コード通知票", text);
        Assert.Contains("住民太郎様", text);
        Assert.Contains("住民票コード" + ResidentCode, text);
        Assert.Contains("生年月日昭和55年5月1日", text);
        Assert.Contains("東京都デモ市本町一丁目2番3号デモハイツ101号", text);
        Assert.Contains("第30条の4", text); // how to have it changed
        Assert.Contains("令和8年11月27日東京都デモ市長見本一郎", text);
        Assert.DoesNotContain(PersonalNumber, text);
        Assert.DoesNotContain("相違ないことを証明する", text);
    }

    [Fact]
    public void SupportMeasureEndNotice_GivesTheEndAndWhenToAskForExtension()
    {
        var input = Input(CertificateKind.SupportMeasureEndNotice, CertificateItems.None)
            with { SupportMeasure = new SupportMeasurePeriod(new DateOnly(2026, 1, 10), new DateOnly(2027, 1, 9), null) };
        var text = Squeeze(Text(input));
        Assert.StartsWith("支援措置期間終了通知", text);
        Assert.Contains("令和9年1月9日をもって終了します", text);
        Assert.Contains("令和8年1月10日から令和9年1月9日まで", text);
        Assert.Contains("1か月前（令和8年12月9日）から、延長の申出", text);
    }

    [Fact]
    public void SupportMeasureEndNotice_AfterTheEnd_SaysItEnded()
    {
        var input = Input(CertificateKind.SupportMeasureEndNotice, CertificateItems.None)
            with { SupportMeasure = new SupportMeasurePeriod(new DateOnly(2025, 1, 10), new DateOnly(2026, 1, 9), new DateOnly(2026, 1, 9)) };
        var text = Squeeze(Text(input));
        Assert.Contains("令和8年1月9日をもって終了しました", text);
        Assert.DoesNotContain("延長の申出をしてください", text);
    }

    [Fact]
    public void SupportMeasureEndNotice_WithoutPeriod_IsRefused() =>
        Assert.Throws<ArgumentException>(() => CertificateRenderer.Render(Input(CertificateKind.SupportMeasureEndNotice, CertificateItems.None)));

    [Theory]
    [InlineData("東京都", "デモ市", "市長", "東京都デモ市長")]
    [InlineData("東京都", "千代田区", "区長", "東京都千代田区長")]
    [InlineData("長野県", "見本町", "町長", "長野県見本町長")]
    [InlineData("東京都", "デモ市", "長", "東京都デモ市長")]
    [InlineData("神奈川県", "横浜市", "市長", "神奈川県横浜市長")]
    [InlineData("東京都", "デモ市", "市長職務代理者　副市長", "東京都デモ市長職務代理者　副市長")]
    [InlineData("東京都", "東京都デモ市", "市長", "東京都デモ市長")]
    public void IssuerTitle_HasThePrefecture_AndDoesNotRepeatTheMunicipalitySuffix(string prefecture, string municipality, string title, string expected)
    {
        var issuer = Issuer with { PrefectureName = prefecture, MunicipalityName = municipality, MayorTitle = title };
        Assert.Equal(expected, IssuerTitle.Of(issuer));
    }

    [Fact]
    public void SealText_IsTheOfficeWithoutTheDeputysTitle()
    {
        Assert.Equal("東京都デモ市長之印", IssuerTitle.SealText(Issuer));
        Assert.Equal("東京都デモ市長職務代理者之印", IssuerTitle.SealText(Issuer with { MayorTitle = "市長職務代理者　副市長" }));
    }
}
