using Jichitai.Platform.Errors;

namespace Jichitai.Platform.Tenancy;

/// <summary>地方公共団体コード: five digits plus a check digit.</summary>
public static class LocalGovernmentCode
{
    // 総務省「全国地方公共団体コード」: CD = (11 − (6a+5b+4c+3d+2e) mod 11) mod 10.
    public static int CheckDigit(ReadOnlySpan<char> firstFive)
    {
        var sum = 0;
        for (var i = 0; i < 5; i++) sum += (firstFive[i] - '0') * (6 - i);
        return (11 - sum % 11) % 10;
    }

    public static bool IsValid(string? code, out string reason)
    {
        if (string.IsNullOrEmpty(code) || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            reason = "地方公共団体コードは半角数字6桁で入力してください。";
            return false;
        }
        if (code[..2] is "00" || int.Parse(code[..2]) > 47)
        {
            reason = "地方公共団体コードの上2桁(都道府県コード)は01〜47です。";
            return false;
        }
        if (CheckDigit(code.AsSpan(0, 5)) != code[5] - '0')
        {
            reason = $"地方公共団体コードの検査数字が正しくありません(6桁目は{CheckDigit(code.AsSpan(0, 5))}のはずです)。";
            return false;
        }
        reason = "";
        return true;
    }

    public static void EnsureValid(string? code, string field = "code")
    {
        if (!IsValid(code, out var reason)) throw new DomainException("tenant.code.invalid", reason, field);
    }
}
