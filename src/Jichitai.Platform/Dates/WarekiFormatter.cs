using System.Globalization;

namespace Jichitai.Platform.Dates;

/// <summary>和暦 display (標準1.1.9: certificates and screens show 和暦, except foreign residents' birth dates).</summary>
public static class WarekiFormatter
{
    /// <summary>"令和7年4月1日"; year 1 is 元年. Dates before 1873-01-01 (旧暦) are written in 西暦: "1870年5月1日".</summary>
    public static string Format(DateOnly date) =>
        JapaneseEras.Of(date) is { } era
            ? Format(date, era)
            : string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>"R7.4.1" (year 1 is 1, not 元). Dates before 1873-01-01 give "1870.5.1".</summary>
    public static string FormatShort(DateOnly date) =>
        JapaneseEras.Of(date) is { } era
            ? string.Create(CultureInfo.InvariantCulture, $"{era.Letter}{era.YearOf(date)}.{date.Month}.{date.Day}")
            : string.Create(CultureInfo.InvariantCulture, $"{date.Year}.{date.Month}.{date.Day}");

    /// <summary>The date written in a given era, even outside it (for error messages).</summary>
    internal static string Format(DateOnly date, JapaneseEra era) => Format(era, era.YearOf(date), date.Month, date.Day);

    internal static string Format(JapaneseEra era, int year, int month, int day) =>
        string.Create(CultureInfo.InvariantCulture, $"{era.Name}{YearLabel(year)}年{month}月{day}日");

    internal static string YearLabel(int year) => year == 1 ? "元" : year.ToString(CultureInfo.InvariantCulture);
}
