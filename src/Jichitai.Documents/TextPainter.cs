using SkiaSharp;

namespace Jichitai.Documents;

/// <summary>Draws fitted text: runs of one font at a time, aligned in the box; CJK em box (ascent 0.88 em) for the baseline.</summary>
internal static class TextPainter
{
    private const float Ascent = 0.88f;

    public static void Paint(SKCanvas canvas, DocumentFonts fonts, Box box, FittedText fitted, TextStyle style)
    {
        var rect = PageBuilder.ToRect(box);
        var size = fitted.Size;
        var height = TextLayout.Height(fitted.Lines.Count, size, style);
        var top = style.VerticalAlign switch
        {
            VerticalAlign.Middle => rect.Top + (rect.Height - height) / 2,
            VerticalAlign.Bottom => rect.Bottom - height,
            _ => rect.Top,
        };
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        var fontCache = new Dictionary<SKTypeface, SKFont>();
        try
        {
            for (var i = 0; i < fitted.Lines.Count; i++)
            {
                var line = fitted.Lines[i];
                var baseline = top + i * size * style.LineSpacing + Ascent * size;
                var width = line.UnitWidth * size;
                var gap = style.Align == HorizontalAlign.Distributed && line.Elements.Count > 1 && width < rect.Width
                    ? (rect.Width - width) / (line.Elements.Count - 1) : 0f;
                var x = style.Align switch
                {
                    HorizontalAlign.Center => rect.MidX - width / 2,
                    HorizontalAlign.Right => rect.Right - width,
                    HorizontalAlign.Distributed when line.Elements.Count == 1 => rect.MidX - width / 2,
                    _ => rect.Left,
                };
                DrawLine(canvas, fonts, line, x, baseline, size, gap, paint, fontCache);
            }
        }
        finally
        {
            foreach (var f in fontCache.Values) f.Dispose();
        }
    }

    private static void DrawLine(SKCanvas canvas, DocumentFonts fonts, LaidLine line, float x, float baseline, float size, float gap,
        SKPaint paint, Dictionary<SKTypeface, SKFont> cache)
    {
        var i = 0;
        while (i < line.Elements.Count)
        {
            var typeface = line.Elements[i].Font ?? fonts.Primary;
            // Without letter spacing, consecutive elements of one font are one run; with it, each element is placed alone.
            var j = i + 1;
            if (gap == 0)
                while (j < line.Elements.Count && (line.Elements[j].Font ?? fonts.Primary) == typeface) j++;
            var text = string.Concat(line.Elements.Skip(i).Take(j - i).Select(e => e.Text));
            if (!cache.TryGetValue(typeface, out var font)) cache[typeface] = font = TextElements.CreateFont(typeface, size);
            canvas.DrawText(text, x, baseline, SKTextAlign.Left, font, paint);
            for (var k = i; k < j; k++) x += line.Elements[k].UnitWidth * size + gap;
            i = j;
        }
    }
}
