namespace Jichitai.Documents.Tests;

/// <summary>文字溢れ: long text wraps or shrinks inside its box, and is reported — never cut — when neither is enough.</summary>
public class TextFittingTests
{
    private const string LongAddress = "北海道札幌市中央区北一条西二丁目一番地一　札幌市役所本庁舎第二別館十五階一五〇一号室気付";
    private static readonly Box AddressBox = new(20, 20, 80, 12);

    [Fact]
    public void LongAddress_WrapsAtThePreferredSize()
    {
        TextPlacement placement = null!;
        var result = Pdf.Single(page => placement = page.Text(AddressBox, LongAddress, new TextStyle { Size = 10, MinSize = 6, Fit = TextFit.WrapThenShrink }));

        Assert.True(result.IsComplete);
        Assert.True(placement.Lines > 1);
        Assert.Equal(10f, placement.Size);
        Assert.Equal(LongAddress, Pdf.PageText(result.Pdf, 1));
    }

    [Fact]
    public void LongAddress_ShrinksOnOneLineWhenAskedTo()
    {
        TextPlacement placement = null!;
        var result = Pdf.Single(page => placement = page.Text(new Box(20, 20, 120, 6), LongAddress, new TextStyle { Size = 10, MinSize = 6, Fit = TextFit.ShrinkOnly }));

        Assert.True(result.IsComplete);
        Assert.Equal(1, placement.Lines);
        Assert.InRange(placement.Size, 6f, 9.9f);
        Assert.Equal(LongAddress, Pdf.PageText(result.Pdf, 1));
    }

    [Fact]
    public void ShrinkThenWrap_PrefersOneSmallerLine_ThenWraps()
    {
        TextPlacement oneLine = null!, wrapped = null!;
        Pdf.Single(page =>
        {
            oneLine = page.Text(new Box(20, 20, 140, 12), LongAddress, new TextStyle { Size = 10, MinSize = 8, Fit = TextFit.ShrinkThenWrap });
            wrapped = page.Text(new Box(20, 40, 80, 12), LongAddress, new TextStyle { Size = 10, MinSize = 8, Fit = TextFit.ShrinkThenWrap });
        });

        Assert.Equal(1, oneLine.Lines);
        Assert.True(oneLine.Size < 10f);
        Assert.True(wrapped.Lines > 1);
    }

    [Fact]
    public void TextThatFitsNowhere_IsReportedAndStillDrawnWhole()
    {
        var text = LongAddress + LongAddress + LongAddress;
        var result = Pdf.Single(page => page.Text(new Box(20, 20, 30, 5), text, new TextStyle { Size = 10, MinSize = 7 }, label: "住所"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemKind.TextOverflow, problem.Kind);
        Assert.Equal("住所", problem.Label);
        Assert.Contains("住所", problem.Message);
        Assert.False(result.IsComplete);
        Assert.Throws<DocumentIncompleteException>(() => result.EnsureComplete());
        Assert.Equal(text, Pdf.PageText(result.Pdf, 1));
    }

    [Fact]
    public void OverflowPrintedBlank_WhenTheTenantChoosesSo_IsStillReported()
    {
        var text = LongAddress + LongAddress + LongAddress;
        var result = Pdf.Single(page =>
        {
            page.Text(new Box(20, 20, 30, 5), text, new TextStyle { Size = 10, MinSize = 7 }, label: "住所");
            page.Text(new Box(20, 40, 100, 10), "氏名欄");
        }, options: new DocumentOptions { PageNumbers = false, Overflow = OverflowOutput.Blank });

        Assert.Equal(ProblemKind.TextOverflow, Assert.Single(result.Problems).Kind);
        Assert.Equal("氏名欄", Pdf.PageText(result.Pdf, 1));
    }

    [Fact]
    public void DistributedLabel_SpansTheWholeBox()
    {
        var result = Pdf.Single(page => page.Text(new Box(20, 20, 30, 6), "氏名", new TextStyle { Size = 10, Align = HorizontalAlign.Distributed }));

        using var pdf = UglyToad.PdfPig.PdfDocument.Open(result.Pdf);
        var letters = pdf.GetPage(1).Letters;
        var left = Units.ToPoints(20);
        var right = Units.ToPoints(50);
        Assert.Equal(left, letters[0].BoundingBox.Left, 1.5);
        Assert.Equal(right, letters[^1].BoundingBox.Right, 1.5);
    }

    [Theory]
    [InlineData(VerticalAlign.Top)]
    [InlineData(VerticalAlign.Middle)]
    [InlineData(VerticalAlign.Bottom)]
    public void VerticalAlignment_PlacesTheLineInTheBox(VerticalAlign align)
    {
        var box = new Box(20, 20, 60, 20);
        var result = Pdf.Single(page => page.Text(box, "中", new TextStyle { Size = 10, VerticalAlign = align }));

        using var pdf = UglyToad.PdfPig.PdfDocument.Open(result.Pdf);
        var letter = pdf.GetPage(1).Letters.Single();
        // PDF y runs upwards from the bottom of the page.
        var boxTop = DocumentBuilder.PageHeightPt - Units.ToPoints(box.Y);
        var boxBottom = DocumentBuilder.PageHeightPt - Units.ToPoints(box.Bottom);
        var baseline = letter.StartBaseLine.Y;
        var expected = align switch
        {
            VerticalAlign.Top => boxTop - 8.8,
            VerticalAlign.Middle => (boxTop + boxBottom) / 2 - 3.8,
            _ => boxBottom + 1.2,
        };
        Assert.Equal(expected, baseline, 0.5);
    }
}
