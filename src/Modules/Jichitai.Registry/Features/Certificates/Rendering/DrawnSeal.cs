using System.Globalization;
using Jichitai.Documents;

namespace Jichitai.Registry.Features.Certificates.Rendering;

/// <summary>
/// The product's seal when the tenant has not registered a 電子公印: a black square (標準5.6: at most 25 mm, black) with
/// the office's words set in columns read top to bottom, right to left, as a 角印 is cut.
/// </summary>
internal static class DrawnSeal
{
    public static void Draw(PageBuilder page, Box box, string words)
    {
        var side = Math.Min(Math.Min(box.Width, box.Height), 25f);
        var square = new Box(box.X + (box.Width - side) / 2, box.Y + (box.Height - side) / 2, side, side);
        page.Frame(square, 2.2f);
        page.Frame(square.Inset(0.9f), 0.6f);
        var characters = StringInfo.GetTextElementEnumerator(words);
        var glyphs = new List<string>();
        while (characters.MoveNext()) glyphs.Add((string)characters.Current);
        if (glyphs.Count == 0) return;
        var rows = (int)Math.Ceiling(Math.Sqrt(glyphs.Count)); // characters per column
        var columns = (int)Math.Ceiling(glyphs.Count / (double)rows);
        var inner = square.Inset(1.8f);
        var cellWidth = inner.Width / columns;
        var cellHeight = inner.Height / rows;
        var size = Units.ToPoints(Math.Min(cellWidth, cellHeight)) * 0.92f;
        var style = new TextStyle { Size = size, MinSize = 3f, Align = HorizontalAlign.Center, VerticalAlign = VerticalAlign.Middle, Fit = TextFit.ShrinkOnly, LineSpacing = 1f };
        for (var i = 0; i < glyphs.Count; i++)
        {
            var column = i / rows; // first column on the right
            var row = i % rows;
            var x = inner.Right - (column + 1) * cellWidth;
            page.Text(new Box(x, inner.Y + row * cellHeight, cellWidth, cellHeight), glyphs[i], style, "公印");
        }
    }
}
