using System.Globalization;
using Jichitai.Platform.Dates;

namespace Jichitai.Registry.Features.Migration.Layout;

/// <summary>
/// Dates of the layout. Read: 西暦 YYYYMMDD or YYYY-MM-DD, or 和暦 as 年号コード + YYMMDD (4310430 = 平成31年4月30日), checked
/// against the era table (平成31年5月1日 does not exist: 令和元年5月1日). Written: always 西暦 YYYYMMDD.
/// </summary>
public static class LayoutDates
{
    public static string Format(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string Format(DateOnly? date) => date is { } d ? Format(d) : "";

    public static bool TryParse(string text, out DateOnly date, out string? error)
    {
        date = default;
        if (text.Length == 7 && text.All(char.IsAsciiDigit))
        {
            var code = text[0] - '0';
            if (code < 1 || code > JapaneseEras.All.Count)
            {
                error = $"年号コード「{text[0]}」はありません(1 明治 ～ {JapaneseEras.All.Count} {JapaneseEras.All[^1].Name})";
                return false;
            }
            // The era path of the shared parser checks 元年, the era's first and last day, and calendar days.
            return JapaneseDateParser.TryParse(JapaneseEras.All[code - 1].Letter + text[1..], out date, out error);
        }
        var isCompact = text.Length == 8 && text.All(char.IsAsciiDigit);
        // The form every export writes: read it directly (a migration reads millions of dates).
        if (isCompact)
        {
            var (y, m, d) = (int.Parse(text.AsSpan(0, 4)), int.Parse(text.AsSpan(4, 2)), int.Parse(text.AsSpan(6, 2)));
            if (y >= JapaneseDateParser.MinGregorianYear && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
            {
                date = new DateOnly(y, m, d);
                error = null;
                return true;
            }
        }
        var isDashed = text.Length == 10 && text[4] == '-' && text[7] == '-' && text.Remove(7, 1).Remove(4, 1).All(char.IsAsciiDigit);
        if (isCompact || isDashed) return JapaneseDateParser.TryParse(text, out date, out error);
        error = "日付は西暦8桁(YYYYMMDD)、YYYY-MM-DD、または和暦7桁(年号コード+YYMMDD)で書いてください";
        return false;
    }

    public static string Format(DateTime utc) =>
        Platform.JapanTime.FromUtc(utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static bool TryParseDateTime(string text, out DateTime utc, out string? error)
    {
        utc = default;
        // Fixed positions (a million rows: the culture-aware parser was a tenth of an import's time).
        if (text.Length == 19 && text[4] == '-' && text[7] == '-' && text[10] == ' ' && text[13] == ':' && text[16] == ':'
            && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var mo)
            && int.TryParse(text.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && int.TryParse(text.AsSpan(11, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            && int.TryParse(text.AsSpan(14, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var mi)
            && int.TryParse(text.AsSpan(17, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            && y is >= 1 and <= 9999 && mo is >= 1 and <= 12 && d >= 1 && d <= System.DateTime.DaysInMonth(y, mo) && h < 24 && mi < 60 && s < 60)
        {
            var local = new System.DateTime(y, mo, d, h, mi, s, DateTimeKind.Unspecified);
            utc = DateTime.SpecifyKind(local.AddHours(-9), DateTimeKind.Utc); // 日本標準時 is UTC+9 all year (no summer time)
            error = null;
            return true;
        }
        error = "日時は YYYY-MM-DD HH:MM:SS(日本時間)で書いてください";
        return false;
    }
}
