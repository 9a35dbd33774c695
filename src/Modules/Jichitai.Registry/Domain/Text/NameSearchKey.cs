using System.Text;

namespace Jichitai.Registry.Domain.Text;

/// <summary>
/// Search keys for names, フリガナ and addresses. The stored name is never changed; both the stored
/// value and the clerk's query go through the same function and the keys are compared.
/// </summary>
public static class NameSearchKey
{
    /// <summary>
    /// Exact-but-forgiving key: NFKC (width), no whitespace or name separators (・ ＝), hiragana → katakana,
    /// ヵ ヶ → ケ, dashes → ー after kana and '-' elsewhere, Latin upper case, 異体字 folded by <see cref="KanjiVariantTable"/>.
    /// Small kana (ァ ッ ャ …) and voiced marks are kept: use <see cref="FuzzyKana"/> to ignore them.
    /// </summary>
    public static string Normalize(string? input)
    {
        if (string.IsNullOrEmpty(input)) return "";
        // Stand-alone ゛ ゜ become combining marks so that NFKC composes カ゛ into ガ.
        var text = input.Replace('\u309B', '\u3099').Replace('\u309C', '\u309A').Normalize(NormalizationForm.FormKC);
        var key = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || IsNameSeparator(rune) || IsVariationSelector(rune)) continue;
            var folded = ToKatakana(rune);
            if (folded.Value is 'ヵ' or 'ヶ') folded = new Rune('ケ');
            else if (IsDash(folded)) folded = new Rune(EndsWithKana(key) ? 'ー' : '-');
            else folded = KanjiVariantTable.Fold(Rune.ToUpperInvariant(folded));
            Append(key, folded);
        }
        return key.ToString();
    }

    /// <summary>
    /// Looser key for フリガナ search, per 標準2.1.2 あいまい検索: ignores 清音/濁音/半濁音 (ヂ≈ジ, ヅ≈ズ, ヴァ≈バ),
    /// small/large kana, ワ≈ハ, ヲ≈オ, a ウ after an オ段 kana (サトウ≈サトオ) and 長音 (ー).
    /// </summary>
    public static string FuzzyKana(string? input)
    {
        var key = Normalize(input)
            .Replace("ヴァ", "バ").Replace("ヴィ", "ビ").Replace("ヴェ", "ベ").Replace("ヴォ", "ボ").Replace("ヴ", "ブ")
            .Replace('ヂ', 'ジ').Replace('ヅ', 'ズ');
        key = StripSoundMarks(key);

        var folded = new StringBuilder(key.Length);
        var previous = '\0';
        foreach (var c in key.Select(FoldFuzzy))
        {
            // 標準2.1.2: 2文字目以降の「ウ」は直前がオ段なら「オ」.
            folded.Append(c == 'ウ' && IsODan(previous) ? 'オ' : c);
            previous = c;
        }
        return folded.Replace("ー", "").ToString();
    }

    private static char FoldFuzzy(char c) => c switch
    {
        'ァ' => 'ア', 'ィ' => 'イ', 'ゥ' => 'ウ', 'ェ' => 'エ', 'ォ' => 'オ',
        'ッ' => 'ツ', 'ャ' => 'ヤ', 'ュ' => 'ユ', 'ョ' => 'ヨ', 'ヮ' => 'ハ',
        'ワ' => 'ハ', 'ヲ' => 'オ',
        _ => c,
    };

    private static bool IsODan(char c) => c is 'オ' or 'コ' or 'ソ' or 'ト' or 'ノ' or 'ホ' or 'モ' or 'ヨ' or 'ロ';

    private static string StripSoundMarks(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var stripped = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (c is not ('\u3099' or '\u309A')) stripped.Append(c);
        return stripped.ToString().Normalize(NormalizationForm.FormC);
    }

    private static Rune ToKatakana(Rune rune) => rune.Value switch
    {
        >= 0x3041 and <= 0x3096 => new Rune(rune.Value + 0x60), // ぁ..ゖ → ァ..ヶ
        0x309D or 0x309E => new Rune(rune.Value + 0x60),        // ゝゞ → ヽヾ
        _ => rune,
    };

    // Foreign names are written ジョン・スミス, ジョン＝スミス or ジョン スミス: all separate the same parts.
    private static bool IsNameSeparator(Rune rune) => rune.Value is 0x30FB or 0x00B7 or 0x30A0 or '=';

    // Ideographic variation selectors (IVS) pick a glyph, not a different character.
    private static bool IsVariationSelector(Rune rune) =>
        rune.Value is (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF);

    // 標準2.1.2: ー ― － ‐ ｰ - are not distinguished (NFKC has already turned － ｰ into - ー).
    private static bool IsDash(Rune rune) => rune.Value is '-' or (>= 0x2010 and <= 0x2015) or 0x2212 or 0x30FC;

    private static bool EndsWithKana(StringBuilder key) =>
        key.Length > 0 && key[^1] is (>= '\u30A1' and <= '\u30FA') or (>= '\u30FC' and <= '\u30FE');

    private static void Append(StringBuilder key, Rune rune)
    {
        Span<char> buffer = stackalloc char[2];
        key.Append(buffer[..rune.EncodeToUtf16(buffer)]);
    }
}
