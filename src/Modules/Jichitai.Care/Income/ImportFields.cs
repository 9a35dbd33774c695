using System.Globalization;

namespace Jichitai.Care.Income;

/// <summary>The checks every column type of the import layouts shares (docs/care-import-layout.md).</summary>
internal static class ImportFields
{
    /// <summary>宛名番号: the key every business system shares; care_people keeps at most 20 characters.</summary>
    public const int AddresseeMaxLength = 20;

    /// <summary>
    /// Amounts are yen without commas. ±999億9999万9999円 is far above any real income or pension and still fits every
    /// column; a larger value is a broken file (a shifted column, a date read as a number).
    /// </summary>
    public const long MaxAmount = 99_999_999_999;

    public static string? Addressee(string value, long line, string column, ImportErrors errors)
    {
        if (value.Length == 0) { errors.Add(line, column, $"{column}がありません"); return null; }
        if (value.Length > AddresseeMaxLength || !value.All(char.IsAsciiDigit))
        {
            errors.Add(line, column, $"{column}は{AddresseeMaxLength}桁以内の半角数字で入力してください(「{Shown(value)}」)");
            return null;
        }
        return value;
    }

    public static long? Amount(string value, long line, string column, bool mayBeNegative, ImportErrors errors)
    {
        if (value.Length == 0) { errors.Add(line, column, $"{column}がありません(0円のときは 0 を入れてください)"); return null; }
        var digits = value.StartsWith('-') ? value[1..] : value;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)
            || !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            errors.Add(line, column, $"{column}は円単位の整数で入力してください(カンマ・小数点・全角数字は使えません。「{Shown(value)}」)");
            return null;
        }
        if (amount < 0 && !mayBeNegative) { errors.Add(line, column, $"{column}は0以上で入力してください(「{Shown(value)}」)"); return null; }
        if (Math.Abs(amount) > MaxAmount) { errors.Add(line, column, $"{column}が大きすぎます(±{MaxAmount:N0}円以内。「{Shown(value)}」)"); return null; }
        return amount;
    }

    public static bool? Flag(string value, long line, string column, ImportErrors errors)
    {
        switch (value)
        {
            case "1": return true;
            case "0": return false;
            default:
                errors.Add(line, column, $"{column}は 1 または 0 で入力してください(「{Shown(value)}」)");
                return null;
        }
    }

    public static string? Code(string value, int length, long line, string column, ImportErrors errors)
    {
        if (value.Length == length && value.All(char.IsAsciiDigit)) return value;
        errors.Add(line, column, $"{column}は{length}桁の半角数字で入力してください(「{Shown(value)}」)");
        return null;
    }

    private static string Shown(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
