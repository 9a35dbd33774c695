namespace Jichitai.Documents.Tests;

/// <summary>A PDF written page by page into a stream reads back like a built one: every page, its text and "n / m".</summary>
public class StreamingDocumentTests
{
    [Fact]
    public void PagesWrittenOneByOne_AreAllInThePdf_WithTheirNumbers()
    {
        using var stream = new MemoryStream();
        using (var document = new StreamingDocument(stream, new DocumentOptions { Title = "一括" }, totalPages: 3))
        {
            for (var i = 1; i <= 3; i++) document.NextPage().Text(new Box(20, 20, 170, 10), $"通知書その{i}");
            var result = document.Close();
            Assert.Equal(3, result.PageCount);
            Assert.True(result.IsComplete);
        }
        var pdf = stream.ToArray();
        Assert.Equal(3, Pdf.PageCount(pdf));
        Assert.Contains("通知書その2", Pdf.PageText(pdf, 2));
        Assert.Contains("2 / 3", Pdf.PageText(pdf, 2));
    }

    [Fact]
    public void PageNumbers_NeedTheTotal() =>
        Assert.Throws<ArgumentException>(() => new StreamingDocument(new MemoryStream(), new DocumentOptions { PageNumbers = true }));
}
