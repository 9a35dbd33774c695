using SkiaSharp;
using UglyToad.PdfPig;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Jichitai.Documents.Tests;

public class GraphicsTests
{
    private const string VerificationUrl = "https://example.jp/verify/7K3Q-9XWM-2D4F-H8RT";

    [Fact]
    public void QrCode_OnThePage_DecodesToThePayload()
    {
        using var builder = new DocumentBuilder(new DocumentOptions { PageNumbers = false });
        builder.AddPage().QrCode(new Box(20, 20, 30, 30), VerificationUrl);
        builder.Build();

        var png = builder.RenderPng(1, dpi: 200);

        Assert.Equal(VerificationUrl, Decode(png));
    }

    [Fact]
    public void QrCode_IsVectorNotImage()
    {
        var result = Pdf.Single(page => page.QrCode(new Box(20, 20, 30, 30), VerificationUrl));

        using var pdf = PdfDocument.Open(result.Pdf);
        Assert.Empty(pdf.GetPage(1).GetImages());
        Assert.NotEmpty(pdf.GetPage(1).Paths);
    }

    [Fact]
    public void SealImage_IsEmbedded()
    {
        var seal = RedSeal();
        var result = Pdf.Single(page => page.Image(new Box(150, 30, 25, 25), seal));

        using var pdf = PdfDocument.Open(result.Pdf);
        var image = Assert.Single(pdf.GetPage(1).GetImages());
        Assert.Equal(Units.ToPoints(25), image.BoundingBox.Width, 1.0);
    }

    [Fact]
    public void BrokenImageBytes_AreRefusedWithAJapaneseMessage()
    {
        using var builder = new DocumentBuilder();
        var error = Assert.Throws<ArgumentException>(() => builder.AddPage().Image(new Box(0, 0, 10, 10), [1, 2, 3]));
        Assert.Contains("画像", error.Message);
    }

    [Fact]
    public void GridCells_AreFramedAndFilled()
    {
        var grid = new Grid(20, 30, [30, 140], [8, 8, 16]);
        var result = Pdf.Single(page =>
        {
            page.Cell(grid, 0, 0, "氏名", new TextStyle { Align = HorizontalAlign.Distributed, VerticalAlign = VerticalAlign.Middle });
            page.Cell(grid, 0, 1, "髙橋　一郎");
            page.Cell(grid, 1, 0, "住所", new TextStyle { Align = HorizontalAlign.Distributed });
            page.Cell(grid, 1, 1, "東京都千代田区", rowSpan: 2);
        });

        Assert.Equal(new Box(50, 38, 140, 24), grid.Cell(1, 1, rowSpan: 2));
        Assert.Equal("氏名髙橋　一郎住所東京都千代田区", Pdf.PageText(result.Pdf, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => grid.Cell(2, 1, rowSpan: 2));
    }

    [Fact]
    public void SameInput_GivesTheSameBytes()
    {
        static DocumentResult Make()
        {
            using var builder = new DocumentBuilder(new DocumentOptions { Title = "住民票の写し", CreatedAt = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(9)) });
            var page = builder.AddPage();
            page.Text(new Box(20, 20, 170, 10), "住民票の写し 髙橋 𠮷田");
            page.QrCode(new Box(20, 40, 20, 20), VerificationUrl);
            page.Image(new Box(150, 30, 25, 25), RedSeal());
            return builder.Build();
        }

        var first = Make();
        var second = Make();

        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(64, first.Sha256.Length);
    }

    [Fact]
    public void QrMatrix_MatchesQrCodersOwnData()
    {
        var matrix = QrCodes.Matrix(VerificationUrl);
        using var generator = new QRCoder.QRCodeGenerator();
        using var data = generator.CreateQrCode(VerificationUrl, QRCoder.QRCodeGenerator.ECCLevel.M, forceUtf8: true);

        Assert.Equal(data.ModuleMatrix.Count, matrix.Length);
        Assert.True(matrix[4][4] && matrix[4][10] && !matrix[0][0]); // finder pattern corner inside the 4-module quiet zone
    }

    internal static byte[] RedSeal()
    {
        var info = new SKImageInfo(120, 120, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(SKColors.Transparent);
        using var paint = new SKPaint { Color = SKColors.Red, Style = SKPaintStyle.Stroke, StrokeWidth = 8, IsAntialias = true };
        surface.Canvas.DrawRect(10, 10, 100, 100, paint);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static string? Decode(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        var gray = new byte[bitmap.Width * bitmap.Height];
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
                gray[y * bitmap.Width + x] = (byte)(bitmap.GetPixel(x, y).Red);
        var source = new RGBLuminanceSource(gray, bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.Gray8);
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
            new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true });
        return result?.Text;
    }
}
