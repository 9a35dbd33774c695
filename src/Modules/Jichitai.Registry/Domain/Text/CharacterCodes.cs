using System.Globalization;
using System.Text;

namespace Jichitai.Registry.Domain.Text;

/// <summary>Where a character stands in the Japanese character sets (standard 2.2.3 文字コード照会).</summary>
public enum CharacterSet
{
    /// <summary>ASCII / JIS X 0201 (半角).</summary>
    SingleByte,
    /// <summary>JIS X 0208 非漢字 (rows 1–8).</summary>
    Jis0208NonKanji,
    /// <summary>JIS X 0208 第1水準漢字 (rows 16–47).</summary>
    Jis0208Level1,
    /// <summary>JIS X 0208 第2水準漢字 (rows 48–84).</summary>
    Jis0208Level2,
    /// <summary>In CP932 only through the NEC or IBM extensions (①, ㈱, 髙, 﨑 …): not JIS X 0208.</summary>
    VendorExtension,
    /// <summary>Private Use Area: a 外字 of some system, meaningless elsewhere.</summary>
    PrivateUse,
    /// <summary>Unicode only: outside CP932 (JIS X 0213 第3・第4水準, 𠮷 …); may need a 外字 on older systems.</summary>
    OutsideCp932,
}

/// <summary>One character (a whole text element: a surrogate pair or a base with its 異体字セレクタ) and its codes.</summary>
public sealed record CharacterCode(string Character, string CodePoints, string? ShiftJis, string? KuTen, CharacterSet Set, string SetLabel, string? VariationSelector);

/// <summary>
/// 文字コード照会: the Unicode code points of each character, and its Shift_JIS code and 区点 when CP932 has it.
/// The JIS X 0208 rows are derived from the Shift_JIS bytes (the encoding's own table, not one of ours).
/// </summary>
public static class CharacterCodes
{
    private static readonly Encoding Cp932 = CreateCp932();

    public static IReadOnlyList<CharacterCode> Describe(string text)
    {
        var result = new List<CharacterCode>();
        // As stored: normalising (NFC) would replace CJK compatibility ideographs and hide the code actually recorded.
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            var element = (string)e.Current;
            var runes = element.EnumerateRunes().ToList();
            var selector = runes.Skip(1).FirstOrDefault(IsVariationSelector);
            result.Add(Describe(element, runes[0], selector.Value == 0 ? null : $"U+{selector.Value:X4}"));
        }
        return result;
    }

    private static CharacterCode Describe(string element, Rune baseRune, string? selector)
    {
        var points = string.Join(" ", element.EnumerateRunes().Select(r => $"U+{r.Value:X4}"));
        if (IsPrivateUse(baseRune)) return new(element, points, null, null, CharacterSet.PrivateUse, Label(CharacterSet.PrivateUse), selector);
        var bytes = Encode(baseRune.ToString());
        if (bytes is null) return new(element, points, null, null, CharacterSet.OutsideCp932, Label(CharacterSet.OutsideCp932), selector);
        if (bytes.Length == 1) return new(element, points, $"{bytes[0]:X2}", null, CharacterSet.SingleByte, Label(CharacterSet.SingleByte), selector);
        var (row, cell) = KuTen(bytes[0], bytes[1]);
        var set = bytes[0] is 0x87 or >= 0xED ? CharacterSet.VendorExtension // NEC 13区, NEC選定IBM拡張, IBM拡張
            : row <= 8 ? CharacterSet.Jis0208NonKanji
            : row is >= 16 and <= 47 ? CharacterSet.Jis0208Level1
            : row is >= 48 and <= 84 ? CharacterSet.Jis0208Level2
            : CharacterSet.VendorExtension;
        return new(element, points, $"{bytes[0]:X2}{bytes[1]:X2}", $"{row:D2}-{cell:D2}", set, Label(set), selector);
    }

    /// <summary>Shift_JIS two bytes → 区 (row) and 点 (cell) of the JIS plane, by the Shift_JIS arithmetic.</summary>
    internal static (int Row, int Cell) KuTen(byte lead, byte trail)
    {
        var l = lead >= 0xE0 ? lead - 0xC1 : lead - 0x81; // 0x81–0x9F → 0–30, 0xE0–0xFC → 31–59
        var odd = trail < 0x9F;
        var row = l * 2 + (odd ? 1 : 2);
        var cell = odd ? trail - (trail >= 0x80 ? 0x40 : 0x3F) : trail - 0x9E;
        return (row, cell);
    }

    public static string Label(CharacterSet set) => set switch
    {
        CharacterSet.SingleByte => "半角(ASCII・JIS X 0201)",
        CharacterSet.Jis0208NonKanji => "JIS X 0208 非漢字",
        CharacterSet.Jis0208Level1 => "JIS第1水準(JIS X 0208)",
        CharacterSet.Jis0208Level2 => "JIS第2水準(JIS X 0208)",
        CharacterSet.VendorExtension => "JIS X 0208外(CP932のNEC/IBM拡張文字)",
        CharacterSet.PrivateUse => "外字(私用領域)",
        _ => "JIS X 0208外・CP932外(第3・第4水準等。外字が必要な場合あり)",
    };

    private static byte[]? Encode(string s)
    {
        try { return Cp932.GetBytes(s); }
        catch (EncoderFallbackException) { return null; }
    }

    private static bool IsPrivateUse(Rune r) => r.Value is >= 0xE000 and <= 0xF8FF or >= 0xF0000;
    private static bool IsVariationSelector(Rune r) => r.Value is >= 0xFE00 and <= 0xFE0F or >= 0xE0100 and <= 0xE01EF;

    private static Encoding CreateCp932()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }
}
