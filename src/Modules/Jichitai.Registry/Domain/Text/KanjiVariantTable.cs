using System.Collections.Frozen;
using System.Text;

namespace Jichitai.Registry.Domain.Text;

/// <summary>
/// The one table of 異体字 folded to a single form in search keys. Documented row by row in
/// docs/registry/name-normalisation.md (a test keeps the two equal). Only for keys: names are stored as written.
/// </summary>
public static class KanjiVariantTable
{
    // 標準2.1.2 (j330): 検索文字から異体字や正字も包含した検索ができること.
    private static readonly (string Variant, string Standard)[] Pairs =
    [
        ("髙", "高"),
        ("\uFA11", "崎"), // 﨑: a CJK compatibility ideograph that NFKC leaves alone
        ("嵜", "崎"),
        ("邉", "辺"), ("邊", "辺"), ("边", "辺"),
        ("濵", "浜"), ("濱", "浜"), ("滨", "浜"),
        ("澤", "沢"),
        ("齋", "斎"),
        ("齊", "斉"),
        ("\U00020BB7", "吉"), // 𠮷 (つちよし), outside the BMP
        ("德", "徳"),
        ("櫻", "桜"),
        ("廣", "広"),
        ("國", "国"),
        ("眞", "真"),
        ("冨", "富"),
        ("篭", "籠"),
        ("髮", "髪"),
        ("嶋", "島"), ("嶌", "島"),
        ("舘", "館"),
        ("峯", "峰"),
        ("惠", "恵"),
        ("榮", "栄"),
        ("實", "実"),
        ("壽", "寿"),
        ("關", "関"),
        ("瀨", "瀬"),
        ("澁", "渋"),
        ("藏", "蔵"),
        ("條", "条"),
        ("龍", "竜"),
        ("龜", "亀"),
        ("黑", "黒"),
        ("萬", "万"),
        ("渕", "淵"),
        ("槇", "槙"),
        ("䕨", "藤"), ("籘", "藤"), ("籐", "藤"),
    ];

    private static readonly FrozenDictionary<int, Rune> ByCodePoint =
        Pairs.ToFrozenDictionary(p => Rune.GetRuneAt(p.Variant, 0).Value, p => Rune.GetRuneAt(p.Standard, 0));

    /// <summary>Variant → the form used in search keys.</summary>
    public static IReadOnlyDictionary<string, string> Entries { get; } =
        Pairs.ToFrozenDictionary(p => p.Variant, p => p.Standard, StringComparer.Ordinal);

    public static Rune Fold(Rune rune) => ByCodePoint.TryGetValue(rune.Value, out var standard) ? standard : rune;
}
