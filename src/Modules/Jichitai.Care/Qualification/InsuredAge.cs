namespace Jichitai.Care.Qualification;

/// <summary>When a person reaches 65 in law.</summary>
public static class InsuredAge
{
    public const int FirstClassAge = 65;

    /// <summary>
    /// 年齢計算ニ関スル法律 + 民法143条: one reaches an age at the start of the day before the birthday anniversary
    /// (born on 29 February: 28 February in a common year). 介護保険法9条1号 acquisition happens on that day.
    /// </summary>
    public static DateOnly ReachesOn(DateOnly birthDate, int age = FirstClassAge)
    {
        var year = birthDate.Year + age;
        if (birthDate is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year)) return new DateOnly(year, 2, 28);
        return new DateOnly(year, birthDate.Month, birthDate.Day).AddDays(-1);
    }
}
