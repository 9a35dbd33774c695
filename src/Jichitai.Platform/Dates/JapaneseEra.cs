namespace Jichitai.Platform.Dates;

/// <summary>
/// One 元号. <see cref="FirstYear"/> is the Gregorian year of 元年; <see cref="Start"/> and <see cref="End"/>
/// are the first and last Gregorian days written in this era (inclusive; <see cref="End"/> is null for the current era).
/// </summary>
public sealed record JapaneseEra(string Name, char Letter, int FirstYear, DateOnly Start, DateOnly? End)
{
    public int YearOf(DateOnly date) => date.Year - FirstYear + 1;

    public bool Contains(DateOnly date) => date >= Start && (End is null || date <= End.Value);
}

/// <summary>The era table (標準1.3.6 和暦・西暦管理): a new 元号 is one more row here.</summary>
public static class JapaneseEras
{
    public static JapaneseEra Meiji { get; } =
        // 明治5年太政官布告第337号 (改暦): 明治5年12月2日の翌日が明治6年1月1日 = 1873-01-01; earlier 明治 dates are lunisolar.
        new("明治", 'M', 1868, new DateOnly(1873, 1, 1), new DateOnly(1912, 7, 30));

    public static JapaneseEra Taisho { get; } =
        // 登極令2条 (践祚の後直ちに改元): the change day is in both eras; 標準1.1.8 accepts 明治45年7月30日 and 大正15年12月25日.
        new("大正", 'T', 1912, new DateOnly(1912, 7, 30), new DateOnly(1926, 12, 25));

    public static JapaneseEra Showa { get; } =
        new("昭和", 'S', 1926, new DateOnly(1926, 12, 25), new DateOnly(1989, 1, 7));

    public static JapaneseEra Heisei { get; } =
        // 元号法 + 元号を改める政令 (昭和64年政令第1号): 平成 from 1989-01-08.
        new("平成", 'H', 1989, new DateOnly(1989, 1, 8), new DateOnly(2019, 4, 30));

    public static JapaneseEra Reiwa { get; } =
        // 元号法 + 元号を改める政令 (平成31年政令第143号): 令和 from 2019-05-01.
        new("令和", 'R', 2019, new DateOnly(2019, 5, 1), null);

    /// <summary>Oldest first.</summary>
    public static IReadOnlyList<JapaneseEra> All { get; } = [Meiji, Taisho, Showa, Heisei, Reiwa];

    /// <summary>The era a date is written in; on a change day, the new era. Null before 1873-01-01.</summary>
    public static JapaneseEra? Of(DateOnly date) => All.LastOrDefault(era => era.Start <= date);

    public static JapaneseEra? FindByName(string nameOrLetter) =>
        All.FirstOrDefault(era => era.Name == nameOrLetter
            || era.Name[..1] == nameOrLetter
            || (nameOrLetter.Length == 1 && char.ToUpperInvariant(nameOrLetter[0]) == era.Letter));
}
