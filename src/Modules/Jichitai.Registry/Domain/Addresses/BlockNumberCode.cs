using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Jichitai.Registry.Domain.Addresses;

/// <summary>
/// 番地・枝番・部屋番号等の数値コード (standard 1.3.2): "8番3号" → 8, 3; "1234番地の5" → 1234, 5; "十二番地" → 12.
/// The sort key orders addresses by number, not by text ("2番" before "10番"). 特殊地番 without a number ("無番地",
/// "字北地先") sort after every numbered one, by their text.
/// </summary>
public static partial class BlockNumberCode
{
    private const int Width = 6;

    public static IReadOnlyList<int> Numbers(string? block)
    {
        if (string.IsNullOrWhiteSpace(block)) return [];
        var folded = ReplaceKanjiNumbers(block.Normalize(NormalizationForm.FormKC));
        return Digits().Matches(folded).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
    }

    /// <summary>Zero-padded numbers joined by '-', so that an ordinal string comparison orders numerically.</summary>
    public static string SortKey(string? block)
    {
        var numbers = Numbers(block);
        if (numbers.Count == 0) return "~" + (block ?? "").Trim();
        return string.Join('-', numbers.Take(4).Select(n => Math.Min(n, 999999).ToString("D" + Width, CultureInfo.InvariantCulture)));
    }

    /// <summary>The same 番地 written differently ("8番3号", "８番３号", "8-3") gives the same numbers.</summary>
    public static bool SameBlock(string? a, string? b)
    {
        var x = Numbers(a); var y = Numbers(b);
        return x.Count > 0 ? x.SequenceEqual(y) : string.Equals(a?.Trim(), b?.Trim(), StringComparison.Ordinal);
    }

    private static string ReplaceKanjiNumbers(string s) => KanjiNumber().Replace(s, m => ParseKanji(m.Value).ToString(CultureInfo.InvariantCulture));

    private static int ParseKanji(string s)
    {
        var total = 0; var current = 0;
        foreach (var c in s)
        {
            var digit = "〇一二三四五六七八九".IndexOf(c);
            if (digit >= 0) { current = current * 10 + digit; continue; }
            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 1 };
            total += (current == 0 ? 1 : current) * unit;
            current = 0;
        }
        return total + current;
    }

    [GeneratedRegex("[0-9]+")] private static partial Regex Digits();
    [GeneratedRegex("[〇一二三四五六七八九十百千]+")] private static partial Regex KanjiNumber();
}
