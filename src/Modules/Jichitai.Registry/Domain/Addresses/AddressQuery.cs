using System.Text;

namespace Jichitai.Registry.Domain.Addresses;

/// <summary>The parts of a dictionary entry a counter query is matched against.</summary>
public sealed record AddressQueryTarget(string Code, string PostalCode, string PrefectureKana, string MunicipalityKana, string TownKana, string FullName);

/// <summary>
/// 住所カナ入力 (standard 1.3.3): the first characters of each level's reading, separated by spaces
/// ("ト ヒ シ" = 東京都 日野市 神明; "ホンチ" = 本町…), or digits of the 住所コード or the 郵便番号, or part of the name.
/// Hiragana, half-width kana and full-width digits are accepted as typed.
/// </summary>
public static class AddressQuery
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var folded = text.Normalize(NormalizationForm.FormKC).Trim();
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded) sb.Append(c is >= 'ぁ' and <= 'ゖ' ? (char)(c + 0x60) : c); // ひらがな → カタカナ
        return sb.ToString();
    }

    public static bool Matches(AddressQueryTarget t, string? query)
    {
        var q = Normalize(query);
        if (q.Length == 0) return true;
        var digits = q.Replace("-", "");
        if (digits.All(char.IsAsciiDigit))
            return t.Code.StartsWith(digits, StringComparison.Ordinal) || t.PostalCode.Replace("-", "").StartsWith(digits, StringComparison.Ordinal);
        var tokens = q.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string[] levels = [Kana(t.PrefectureKana), Kana(t.MunicipalityKana), Kana(t.TownKana)];
        if (tokens.Length > 1)
        {
            // Initials per level, aligned on the 町字: "ヒ シ" = 市区町村 + 町字, "ト ヒ シ" = all three.
            if (tokens.Length > levels.Length) return false;
            var offset = levels.Length - tokens.Length;
            return tokens.Select((tok, i) => levels[offset + i].StartsWith(tok, StringComparison.Ordinal)).All(x => x);
        }
        var token = tokens[0];
        return levels[2].StartsWith(token, StringComparison.Ordinal)
            || (levels[1] + levels[2]).StartsWith(token, StringComparison.Ordinal)
            || string.Concat(levels).StartsWith(token, StringComparison.Ordinal)
            || t.FullName.Contains(q, StringComparison.Ordinal);
    }

    private static string Kana(string s) => Normalize(s).Replace(" ", "");
}
