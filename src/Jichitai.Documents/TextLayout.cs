namespace Jichitai.Documents;

/// <summary>A line of text elements and its width at size 1.</summary>
internal sealed record LaidLine(IReadOnlyList<TextElement> Elements, float UnitWidth);

/// <summary>The size and lines chosen for a text box, and whether they fit inside it.</summary>
internal sealed record FittedText(float Size, IReadOnlyList<LaidLine> Lines, bool Fits);

/// <summary>
/// Chooses the size and line breaks of a text box (文字溢れ対応): wraps with 禁則 and/or shrinks down to the minimum
/// size, in the order the style asks for. When nothing fits, the text is set at the minimum size and reported: never cut.
/// </summary>
internal static class TextLayout
{
    private const float SizeStep = 0.25f;

    public static FittedText Fit(IReadOnlyList<TextElement> elements, float widthPt, float heightPt, TextStyle style)
    {
        var sizes = Sizes(style).ToList();
        IEnumerable<(float Size, bool Wrap)> attempts = style.Fit switch
        {
            TextFit.ShrinkOnly => sizes.Select(s => (s, false)),
            TextFit.ShrinkThenWrap => sizes.Select(s => (s, false)).Concat(sizes.Select(s => (s, true))),
            _ => sizes.Select(s => (s, true)),
        };
        FittedText? last = null;
        foreach (var (size, wrap) in attempts)
        {
            var lines = Break(elements, wrap ? widthPt / size : float.PositiveInfinity);
            var fits = lines.All(l => l.UnitWidth * size <= widthPt + 0.01f) && Height(lines.Count, size, style) <= heightPt + 0.01f;
            last = new FittedText(size, lines, fits);
            if (fits) return last;
        }
        // Nothing fits: prefer the wrapped minimum-size setting unless wrapping was not allowed.
        return style.Fit == TextFit.ShrinkOnly ? last! : new FittedText(style.MinSize, Break(elements, widthPt / style.MinSize), false);
    }

    public static float Height(int lineCount, float size, TextStyle style) =>
        lineCount == 0 ? 0 : size + (lineCount - 1) * size * style.LineSpacing;

    private static IEnumerable<float> Sizes(TextStyle style)
    {
        var min = Math.Min(style.MinSize, style.Size);
        for (var s = style.Size; s > min + 0.001f; s -= SizeStep) yield return s;
        yield return min;
    }

    /// <summary>Greedy line breaking at a width given in units of the size; explicit newlines always break.</summary>
    internal static List<LaidLine> Break(IReadOnlyList<TextElement> elements, float unitWidth)
    {
        var lines = new List<LaidLine>();
        var start = 0;
        var width = 0f;
        for (var i = 0; i < elements.Count; i++)
        {
            if (elements[i].IsNewline)
            {
                lines.Add(Line(elements, start, i));
                start = i + 1; width = 0; continue;
            }
            if (i > start && width + elements[i].UnitWidth > unitWidth + 1e-4f)
            {
                var cut = BreakPoint(elements, start, i);
                lines.Add(Line(elements, start, cut));
                start = cut;
                width = 0;
                for (var k = cut; k < i; k++) width += elements[k].UnitWidth;
            }
            width += elements[i].UnitWidth;
        }
        lines.Add(Line(elements, start, elements.Count));
        return lines;
    }

    /// <summary>Moves the break back while 禁則 forbids it (追い出し); gives up and breaks at the overflow point if the whole line is one unit.</summary>
    private static int BreakPoint(IReadOnlyList<TextElement> elements, int start, int overflow)
    {
        for (var cut = overflow; cut > start; cut--)
            if (Kinsoku.CanBreakBetween(elements[cut - 1].Text, elements[cut].Text)) return cut;
        return overflow;
    }

    private static LaidLine Line(IReadOnlyList<TextElement> elements, int from, int to)
    {
        var items = new List<TextElement>(to - from);
        var width = 0f;
        for (var k = from; k < to; k++) { items.Add(elements[k]); width += elements[k].UnitWidth; }
        // A space left at the end of a wrapped line takes no room.
        while (items.Count > 0 && items[^1].Text is " " or "\u3000") { width -= items[^1].UnitWidth; items.RemoveAt(items.Count - 1); }
        return new LaidLine(items, width);
    }
}
