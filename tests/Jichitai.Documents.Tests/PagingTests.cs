namespace Jichitai.Documents.Tests;

public class PagingTests
{
    [Fact]
    public void EveryPage_CarriesItsNumberOutOfTheTotal()
    {
        using var builder = new DocumentBuilder(new DocumentOptions { Header = "住民票の写し(続葉)", Footer = "発行番号 000123" });
        for (var i = 0; i < 3; i++) builder.AddPage().Text(new Box(20, 40, 100, 10), $"本文{i + 1}");

        var result = builder.Build();

        Assert.Equal(3, result.PageCount);
        Assert.Equal(3, Pdf.PageCount(result.Pdf));
        for (var page = 1; page <= 3; page++)
        {
            var text = Pdf.PageText(result.Pdf, page).Replace(" ", "");
            Assert.Contains($"{page}/3", text);
            Assert.Contains("住民票の写し(続葉)", text);
            Assert.Contains("発行番号000123", text);
            Assert.Contains($"本文{page}", text);
        }
    }

    [Fact]
    public void Build_WithoutPages_IsRefused()
    {
        using var builder = new DocumentBuilder();
        Assert.Throws<InvalidOperationException>(() => builder.Build());
    }
}
