using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Jichitai.Documents;

/// <summary>One user-perceived character (grapheme) with the font that draws it and its advance at size 1.</summary>
internal sealed record TextElement(string Text, int CodePoint, SKTypeface? Font, float UnitWidth)
{
    public bool IsNewline => Text is "\n" or "\r\n" or "\r";
}

/// <summary>Splits text into graphemes and picks a font for each; collects fallback uses and characters no font has.</summary>
internal static class TextElements
{
    public static List<TextElement> Split(string text, DocumentFonts fonts, TextReport report)
    {
        var result = new List<TextElement>();
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            var element = (string)e.Current;
            if (element is "\n" or "\r\n" or "\r") { result.Add(new TextElement("\n", '\n', null, 0)); continue; }
            var runes = element.EnumerateRunes().ToList();
            var baseRune = runes[0];
            // 異体字セレクタ (IVS/SVS) need shaping this engine does not do: the base character is drawn and the caller told.
            var drawn = new StringBuilder();
            foreach (var r in runes)
            {
                if (IsVariationSelector(r.Value)) report.VariationSelectorIgnored(baseRune.Value, r.Value);
                else drawn.Append(r.ToString());
            }
            var font = fonts.FontFor(baseRune.Value);
            if (font is null) report.Missing(baseRune.Value);
            else if (!ReferenceEquals(font, fonts.Primary)) report.Fallback(baseRune.Value, font.FamilyName);
            var measuring = font ?? fonts.Primary;
            result.Add(new TextElement(drawn.ToString(), baseRune.Value, font, Measure(measuring, drawn.ToString())));
        }
        return result;
    }

    internal static SKFont CreateFont(SKTypeface typeface, float size) => new(typeface, size)
    {
        // Linear, unhinted metrics: widths scale exactly with the size, so one measurement serves every size tried.
        Hinting = SKFontHinting.None,
        LinearMetrics = true,
        Subpixel = true,
        Edging = SKFontEdging.Antialias,
    };

    private const float MeasureSize = 100f;

    // A certificate measures a few hundred characters from a small repertoire: the unit width of a grapheme in a face never
    // changes, so it is measured once per process instead of creating a native SKFont for every character of every text.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(SKTypeface Face, string Text), float> Widths = new();

    private static float Measure(SKTypeface typeface, string text) =>
        Widths.GetOrAdd((typeface, text), static key =>
        {
            using var font = CreateFont(key.Face, MeasureSize);
            return font.MeasureText(key.Text) / MeasureSize;
        });

    private static bool IsVariationSelector(int cp) => cp is >= 0xFE00 and <= 0xFE0F or >= 0xE0100 and <= 0xE01EF;
}

/// <summary>What happened while setting one text: fallback fonts used, characters no font has, selectors not applied.</summary>
internal sealed class TextReport
{
    public Dictionary<int, string> Fallbacks { get; } = [];
    public SortedSet<int> MissingCodePoints { get; } = [];
    public List<(int Base, int Selector)> IgnoredSelectors { get; } = [];

    public void Fallback(int cp, string family) => Fallbacks.TryAdd(cp, family);
    public void Missing(int cp) => MissingCodePoints.Add(cp);
    public void VariationSelectorIgnored(int baseCp, int selector) => IgnoredSelectors.Add((baseCp, selector));
}
