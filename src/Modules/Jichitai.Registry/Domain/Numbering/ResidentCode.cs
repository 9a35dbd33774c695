namespace Jichitai.Registry.Domain.Numbering;

/// <summary>
/// 住民票コード: 10 random digits + 1 check digit (住基法施行規則1条), issued by CS, never by us (標準4.3.1).
/// The check-digit formula is set by 総務省告示 (平成14年第436号), whose text we could not verify, so only the
/// form (11 half-width digits) is checked; a real code must never be rejected on a guessed formula.
/// </summary>
public static class ResidentCode
{
    public const int Length = 11;

    public static bool IsValid(string? code, out string? error)
    {
        error = string.IsNullOrEmpty(code) ? "住民票コードを入力してください"
            : !code.All(char.IsAsciiDigit) ? "住民票コードは半角数字で入力してください"
            : code.Length != Length ? $"住民票コードは11桁で入力してください(入力は{code.Length}桁)"
            : null;
        return error is null;
    }
}
