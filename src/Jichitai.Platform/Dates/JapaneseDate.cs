using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Jichitai.Platform.Dates;

/// <summary>
/// Reads the dates clerks type: H1.3.31, h1.3.31, H010331, 平成元年3月31日, 平1.3.31, 1989/3/31, 1989-03-31,
/// 19890331, full-width digits and spaces. Only calendar days (暦上日); 2月29日 of a common year is rejected.
/// </summary>
public static partial class JapaneseDateParser
{
    /// <summary>Earliest Gregorian year accepted; guards against typos such as 0989.</summary>
    public const int MinGregorianYear = 1868;

    public static bool TryParse(string? input, out DateOnly date, out string? error)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = "日付を入力してください";
            return false;
        }

        var text = Clean(input);
        if (FirstMatch(text, EraDate(), EraCompact()) is { } wareki) return TryFromEra(wareki, out date, out error);
        if (FirstMatch(text, GregorianDate(), GregorianCompact()) is { } seireki) return TryFromGregorian(seireki, out date, out error);

        error = "日付の形式が正しくありません(例: H1.3.31、平成元年3月31日、1989/3/31、19890331)";
        return false;
    }

    private static bool TryFromEra(Match match, out DateOnly date, out string? error)
    {
        date = default;
        var era = JapaneseEras.FindByName(match.Groups["era"].Value)!;
        var year = match.Groups["y"].Value == "元" ? 1 : Number(match.Groups["y"]);
        var (month, day) = (Number(match.Groups["m"]), Number(match.Groups["d"]));

        if (year == 0)
        {
            error = $"{era.Name}0年は存在しません(最初の年は{era.Name}元年です)";
            return false;
        }
        if (era == JapaneseEras.Meiji && year <= 5)
        {
            error = "明治5年以前の日付は旧暦(太陰太陽暦)のため西暦に換算できません(明治6年1月1日から入力できます)";
            return false;
        }

        var gregorianYear = era.FirstYear + year - 1;
        if (!IsCalendarDay(gregorianYear, month, day, $"{era.Name}{WarekiFormatter.YearLabel(year)}年", out error)) return false;

        var candidate = new DateOnly(gregorianYear, month, day);
        var typed = WarekiFormatter.Format(era, year, month, day);
        if (candidate < era.Start)
        {
            error = $"{typed}は存在しません({era.Name}は{WarekiFormatter.Format(era.Start, era)}から。{WarekiFormatter.Format(candidate)}です)";
            return false;
        }
        if (era.End is { } end && candidate > end)
        {
            error = $"{typed}は存在しません({era.Name}は{WarekiFormatter.Format(end, era)}まで。{WarekiFormatter.Format(candidate)}です)";
            return false;
        }

        date = candidate;
        return true;
    }

    private static bool TryFromGregorian(Match match, out DateOnly date, out string? error)
    {
        date = default;
        var (year, month, day) = (Number(match.Groups["y"]), Number(match.Groups["m"]), Number(match.Groups["d"]));
        if (year < MinGregorianYear)
        {
            error = $"西暦は{MinGregorianYear}年以降で入力してください";
            return false;
        }
        if (!IsCalendarDay(year, month, day, string.Create(CultureInfo.InvariantCulture, $"{year}年"), out error)) return false;

        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool IsCalendarDay(int year, int month, int day, string yearLabel, out string? error)
    {
        error = month is < 1 or > 12 ? $"{month}月は存在しません"
            : day >= 1 && day <= DateTime.DaysInMonth(year, month) ? null
            : month == 2 && day == 29 ? $"2月29日は存在しません({yearLabel}はうるう年ではありません)"
            : $"{month}月{day}日は存在しません";
        return error is null;
    }

    // Full-width digits/letters → ASCII, spaces removed, dashes of any kind → '-', era letters upper case.
    private static string Clean(string input)
    {
        var text = new StringBuilder();
        foreach (var c in input.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c)) continue;
            text.Append(c is (>= '\u2010' and <= '\u2015') or '\u2212' or 'ー' ? '-' : char.ToUpperInvariant(c));
        }
        return text.ToString();
    }

    private static Match? FirstMatch(string text, params Regex[] patterns) =>
        patterns.Select(pattern => pattern.Match(text)).FirstOrDefault(match => match.Success);

    private static int Number(Group group) => int.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<era>明治|大正|昭和|平成|令和|[明大昭平令MTSHR])(?<y>元|[0-9]{1,2})(?:年|[./-])(?<m>[0-9]{1,2})(?:月|[./-])(?<d>[0-9]{1,2})日?$", RegexOptions.CultureInvariant)]
    private static partial Regex EraDate();

    [GeneratedRegex(@"^(?<era>[MTSHR])(?<y>[0-9]{2})(?<m>[0-9]{2})(?<d>[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex EraCompact();

    [GeneratedRegex(@"^(?<y>[0-9]{4})(?:年|[./-])(?<m>[0-9]{1,2})(?:月|[./-])(?<d>[0-9]{1,2})日?$", RegexOptions.CultureInvariant)]
    private static partial Regex GregorianDate();

    [GeneratedRegex(@"^(?<y>[0-9]{4})(?<m>[0-9]{2})(?<d>[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex GregorianCompact();
}
