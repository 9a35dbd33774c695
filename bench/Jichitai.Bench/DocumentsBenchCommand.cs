using System.CommandLine;
using System.Diagnostics;
using Jichitai.Documents;
using SkiaSharp;

namespace Jichitai.Bench;

/// <summary>
/// <c>documents [--pages N]</c>: PDF generation with <see cref="DocumentBuilder"/> (a form-like page: grid, wrapped
/// address, QR code, seal image, header/footer) against a baseline of a plain SkiaSharp PDF page with one line of text
/// in the same font, measured in the same run. Prints pages/s, median and p95 per page, and the ratio.
/// </summary>
internal static class DocumentsBenchCommand
{
    public static Command Build()
    {
        var pages = new Option<int>("--pages") { Description = "Measured single-page documents per variant", DefaultValueFactory = _ => 300 };
        var sample = new Option<FileInfo?>("--sample") { Description = "Also write the form page as a PDF to this file (look at it with pdftoppm)" };
        var command = new Command("documents", "PDF generation (Jichitai.Documents) against a plain SkiaSharp one-line page") { pages, sample };
        command.SetAction(r =>
        {
            var n = Math.Max(10, r.GetValue(pages));
            var seal = Seal();
            if (r.GetValue(sample) is { } file) File.WriteAllBytes(file.FullName, FormDocument(seal));
            using var typeface = SKTypeface.FromFile(DocumentFonts.ShippedFontPath);
            Measure("warm-up", n / 5, () => Baseline(typeface));
            Measure("warm-up", n / 5, () => FormPage(seal));
            var baseline = Measure("plain SkiaSharp page, one line", n, () => Baseline(typeface));
            var form = Measure("DocumentBuilder form page", n, () => FormPage(seal));
            Console.WriteLine();
            Console.WriteLine("| variant | pages/s | median ms | p95 ms | bytes |");
            Console.WriteLine("|---|---|---|---|---|");
            foreach (var m in new[] { baseline, form })
                Console.WriteLine($"| {m.Label} | {m.PerSecond:F1} | {m.Median:F2} | {m.P95:F2} | {m.Bytes:N0} |");
            Console.WriteLine($"ratio (form / baseline time per page): {form.Median / baseline.Median:F1}×");
        });
        return command;
    }

    private sealed record Result(string Label, double PerSecond, double Median, double P95, long Bytes);

    private static Result Measure(string label, int count, Func<int> run)
    {
        var latencies = new double[count];
        long bytes = 0;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var t = Stopwatch.GetTimestamp();
            bytes = run();
            latencies[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }
        wall.Stop();
        var sorted = latencies.Order().ToArray();
        return new Result(label, count / wall.Elapsed.TotalSeconds, sorted[count / 2], sorted[Math.Min(count - 1, (int)Math.Ceiling(0.95 * count) - 1)], bytes);
    }

    private static int Baseline(SKTypeface typeface)
    {
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream))
        {
            var canvas = document.BeginPage(DocumentBuilder.PageWidthPt, DocumentBuilder.PageHeightPt);
            using var font = new SKFont(typeface, 12);
            using var paint = new SKPaint { Color = SKColors.Black };
            canvas.DrawText("住民票の写し", 72, 72, SKTextAlign.Left, font, paint);
            document.EndPage();
            document.Close();
        }
        return (int)stream.Length;
    }

    private static int FormPage(byte[] seal) => FormDocument(seal).Length;

    private static byte[] FormDocument(byte[] seal)
    {
        using var builder = new DocumentBuilder(new DocumentOptions { Title = "住民票の写し", Header = "住民票の写し", Footer = "発行番号 000001" });
        var page = builder.AddPage();
        page.Text(new Box(20, 20, 170, 12), "住民票の写し", new TextStyle { Size = 18, Align = HorizontalAlign.Center });
        var grid = new Grid(20, 40, [30, 140], [10, 10, 16, 10, 10, 10]);
        string[] labels = ["氏名", "生年月日", "住所", "", "世帯主", "住民となった日"];
        string[] values = ["髙橋　𠮷郎", "昭和50年4月1日", "北海道札幌市中央区北一条西二丁目一番地一　札幌市役所本庁舎第二別館十五階一五〇一号室", "", "髙橋　𠮷郎", "令和8年11月26日"];
        for (var row = 0; row < labels.Length; row++)
        {
            if (row == 3) continue;
            var span = row == 2 ? 2 : 1;
            page.Cell(grid, row, 0, labels[row], new TextStyle { Align = HorizontalAlign.Distributed, VerticalAlign = VerticalAlign.Middle }, rowSpan: span);
            page.Cell(grid, row, 1, values[row], new TextStyle { Size = 11, MinSize = 7, VerticalAlign = VerticalAlign.Middle }, rowSpan: span);
        }
        page.Text(new Box(20, 200, 170, 20), "この写しは、住民票の原本と相違ないことを証明する。", new TextStyle { Size = 11 });
        page.Image(new Box(160, 225, 25, 25), seal);
        page.QrCode(new Box(20, 230, 22, 22), "https://jichitai.example/verify?code=7K3Q9XWM2D4FH8RT");
        return builder.Build().Pdf;
    }

    private static byte[] Seal()
    {
        using var surface = SKSurface.Create(new SKImageInfo(120, 120));
        surface.Canvas.Clear(SKColors.Transparent);
        using var paint = new SKPaint { Color = SKColors.Red, Style = SKPaintStyle.Stroke, StrokeWidth = 8 };
        surface.Canvas.DrawRect(10, 10, 100, 100, paint);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
