namespace Jichitai.Registry.Domain.Addresses;

/// <summary>
/// 住所コード (standard 1.3.3): 11 digits = 都道府県 (2, JIS X 0401) + 市区町村 (3, JIS X 0402 without its check digit)
/// + 大字 (3) + 小字 (3). The 大字・小字 parts are not prescribed by the standard; each municipality numbers its own.
/// </summary>
public static class AddressCode
{
    public const int Length = 11;

    /// <summary>Digits only (full-width digits and hyphens typed at the counter are accepted), or null when empty.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var folded = text.Normalize(System.Text.NormalizationForm.FormKC);
        return new string(folded.Where(c => c != '-' && !char.IsWhiteSpace(c)).ToArray());
    }

    /// <summary>Null when valid; otherwise the Japanese reason.</summary>
    public static string? Check(string? text)
    {
        var code = Normalize(text);
        if (code is null) return "住所コードを入力してください。";
        if (code.Length != Length || !code.All(char.IsAsciiDigit)) return "住所コードは11桁の数字(都道府県2桁+市区町村3桁+大字3桁+小字3桁)で入力してください(標準仕様書 1.3.3)。";
        var prefecture = int.Parse(code[..2], System.Globalization.CultureInfo.InvariantCulture);
        if (prefecture is < 1 or > 47) return "住所コードの先頭2桁は都道府県コード(01〜47、JIS X 0401)です。";
        return null;
    }

    /// <summary>都道府県 + 市区町村 (5 digits): the 地方公共団体コード without its check digit.</summary>
    public static string MunicipalityPart(string code) => code[..5];

    /// <summary>Whether the code lies in the municipality of the given 6-digit 地方公共団体コード.</summary>
    public static bool BelongsTo(string code, string localGovernmentCode) => code.Length >= 5 && localGovernmentCode.Length >= 5 && code[..5] == localGovernmentCode[..5];
}
