namespace Jichitai.Documents;

/// <summary>
/// Basic Japanese line-breaking rules (禁則処理, JIS X 4051): closing brackets, punctuation and small kana do not start a
/// line, opening brackets do not end one, and a run of Latin letters or digits is not split.
/// </summary>
public static class Kinsoku
{
    private const string NoLineStart = "、。，．,.)）]］｝}」』】〕〉》〙〗’”・：；:;？！?!ゝゞーヽヾぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々〻‐゠–〜～%％";
    private const string NoLineEnd = "(（[［｛{「『【〔〈《〘〖‘“";

    public static bool CannotStartLine(string element) => element.Length > 0 && NoLineStart.Contains(element[0]);
    public static bool CannotEndLine(string element) => element.Length > 0 && NoLineEnd.Contains(element[0]);

    /// <summary>Whether a line may break between two adjacent text elements.</summary>
    public static bool CanBreakBetween(string before, string after) =>
        !CannotStartLine(after) && !CannotEndLine(before) && !(IsWordCharacter(before) && IsWordCharacter(after));

    private static bool IsWordCharacter(string element) => element.Length == 1 && char.IsAsciiLetterOrDigit(element[0]);
}
