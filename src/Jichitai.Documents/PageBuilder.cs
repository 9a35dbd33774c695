using SkiaSharp;

namespace Jichitai.Documents;

/// <summary>What a text box became: the size used, the number of lines, and whether it fitted.</summary>
public sealed record TextPlacement(float Size, int Lines, bool Fits);

/// <summary>
/// One A4 page being laid out, in millimetres from the top-left corner. Everything is measured when added (so
/// 文字溢れ and missing characters are known at once) and drawn when the document is built.
/// </summary>
public sealed class PageBuilder
{
    private readonly DocumentBuilder document;
    internal List<Action<SKCanvas>> Commands { get; } = [];

    internal PageBuilder(DocumentBuilder document, int number)
    {
        this.document = document;
        Number = number;
    }

    /// <summary>1-based page number.</summary>
    public int Number { get; }

    /// <summary>Sets text inside a box: wrapped and/or shrunk as the style says, never cut. <paramref name="label"/> names the field in problem reports.</summary>
    public TextPlacement Text(Box box, string text, TextStyle? style = null, string label = "")
    {
        style ??= TextStyle.Default;
        var report = new TextReport();
        var elements = TextElements.Split(text, document.Fonts, report);
        var fitted = TextLayout.Fit(elements, Units.ToPoints(box.Width), Units.ToPoints(box.Height), style);
        document.Record(Number, string.IsNullOrEmpty(label) ? Shorten(text) : label, report, fitted.Fits, style.MinSize);
        var overflow = fitted.Fits ? OverflowOutput.Whole : document.Options.Overflow;
        if (overflow != OverflowOutput.Blank)
            Commands.Add(canvas =>
            {
                canvas.Save();
                if (overflow == OverflowOutput.UpToTheLimit) canvas.ClipRect(ToRect(box));
                TextPainter.Paint(canvas, document.Fonts, box, fitted, style);
                canvas.Restore();
            });
        return new TextPlacement(fitted.Size, fitted.Lines.Count, fitted.Fits);
    }

    public void Line(float x1, float y1, float x2, float y2, float widthPt = 0.5f) =>
        Commands.Add(canvas =>
        {
            using var paint = Stroke(widthPt);
            canvas.DrawLine(Units.ToPoints(x1), Units.ToPoints(y1), Units.ToPoints(x2), Units.ToPoints(y2), paint);
        });

    /// <summary>The outline of a box (帳票の罫線).</summary>
    public void Frame(Box box, float widthPt = 0.5f) =>
        Commands.Add(canvas =>
        {
            using var paint = Stroke(widthPt);
            canvas.DrawRect(ToRect(box), paint);
        });

    /// <summary>Fills a box with a grey (0 black … 255 white), e.g. the label column of a form.</summary>
    public void Shade(Box box, byte gray = 235) =>
        Commands.Add(canvas =>
        {
            using var paint = new SKPaint { Color = new SKColor(gray, gray, gray), Style = SKPaintStyle.Fill };
            canvas.DrawRect(ToRect(box), paint);
        });

    /// <summary>Frames a grid cell (or span) and sets its text with a padding of <paramref name="paddingMm"/>.</summary>
    public TextPlacement Cell(Grid grid, int row, int column, string text, TextStyle? style = null, int rowSpan = 1, int columnSpan = 1,
        string label = "", float paddingMm = 1.2f)
    {
        var box = grid.Cell(row, column, rowSpan, columnSpan);
        Frame(box);
        return Text(box.Inset(paddingMm), text, style, label);
    }

    /// <summary>Draws an encoded image (PNG, e.g. the 公印) centred in the box, keeping its proportions.</summary>
    public void Image(Box box, byte[] encoded)
    {
        var image = SKImage.FromEncodedData(encoded) ?? throw new ArgumentException("画像を読み込めません(PNG または JPEG を指定してください)。", nameof(encoded));
        document.Own(image);
        Commands.Add(canvas =>
        {
            var target = ToRect(box);
            var scale = Math.Min(target.Width / image.Width, target.Height / image.Height);
            var w = image.Width * scale;
            var h = image.Height * scale;
            var dest = SKRect.Create(target.MidX - w / 2, target.MidY - h / 2, w, h);
            canvas.DrawImage(image, dest, new SKSamplingOptions(SKFilterMode.Linear), null);
        });
    }

    /// <summary>A QR code drawn as vector squares filling the largest square that fits in the box.</summary>
    public void QrCode(Box box, string payload)
    {
        var matrix = QrCodes.Matrix(payload);
        Commands.Add(canvas =>
        {
            var target = ToRect(box);
            var side = Math.Min(target.Width, target.Height);
            var module = side / matrix.Length;
            var left = target.MidX - side / 2;
            var top = target.MidY - side / 2;
            using var builder = new SKPathBuilder();
            for (var y = 0; y < matrix.Length; y++)
                for (var x = 0; x < matrix[y].Length; x++)
                {
                    if (!matrix[y][x]) continue;
                    var run = x;
                    while (run + 1 < matrix[y].Length && matrix[y][run + 1]) run++;
                    builder.AddRect(SKRect.Create(left + x * module, top + y * module, (run - x + 1) * module, module));
                    x = run;
                }
            using var paint = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Fill, IsAntialias = false };
            using var path = builder.Detach();
            canvas.DrawPath(path, paint);
        });
    }

    internal static SKRect ToRect(Box box) =>
        SKRect.Create(Units.ToPoints(box.X), Units.ToPoints(box.Y), Units.ToPoints(box.Width), Units.ToPoints(box.Height));

    private static SKPaint Stroke(float widthPt) =>
        new() { Color = SKColors.Black, Style = SKPaintStyle.Stroke, StrokeWidth = widthPt, IsAntialias = true };

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
