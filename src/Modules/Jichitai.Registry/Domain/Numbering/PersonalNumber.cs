namespace Jichitai.Registry.Domain.Numbering;

/// <summary>個人番号 (マイナンバー): 11 digits + 検査用数字. Error messages never repeat the number.</summary>
public static class PersonalNumber
{
    public const int Length = 12;

    // 平成26年総務省令第85号 第5条: 11 − (Σ Pn×Qn mod 11), Pn = n-th digit from the right of the first 11,
    // Qn = n+1 (1≤n≤6) / n−5 (7≤n≤11); a remainder of 0 or 1 gives 0.
    public static int CheckDigit(ReadOnlySpan<char> first11)
    {
        var sum = 0;
        for (var n = 1; n <= 11; n++) sum += (first11[11 - n] - '0') * (n <= 6 ? n + 1 : n - 5);
        var remainder = sum % 11;
        return remainder <= 1 ? 0 : 11 - remainder;
    }

    public static bool IsValid(string? number, out string? error)
    {
        error = string.IsNullOrEmpty(number) ? "個人番号を入力してください"
            : !number.All(char.IsAsciiDigit) ? "個人番号は半角数字で入力してください"
            : number.Length != Length ? $"個人番号は12桁で入力してください(入力は{number.Length}桁)"
            : CheckDigit(number.AsSpan(0, 11)) != number[11] - '0'
                ? "個人番号の検査用数字(12桁目)が正しくありません。入力誤りがないか確認してください"
            : null;
        return error is null;
    }

    /// <summary>"********1234": only the last 4 digits show. Anything that is not 12 characters is masked whole.</summary>
    public static string Mask(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return number.Length == Length ? new string('*', Length - 4) + number[^4..] : new string('*', number.Length);
    }
}
