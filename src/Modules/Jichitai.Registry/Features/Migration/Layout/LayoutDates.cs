using System.Globalization;
using Jichitai.Registry.Domain.Dates;

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
        if (System.DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            utc = TimeZoneInfo.ConvertTimeToUtc(System.DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Platform.JapanTime.Zone);
            error = null;
            return true;
        }
        error = "日時は YYYY-MM-DD HH:MM:SS(日本時間)で書いてください";
        return false;
    }
}
