using System.Globalization;
using Jichitai.Platform.Dates;

namespace Jichitai.Registry.Tests.Domain.Dates;

public class WarekiFormatterTests
{
    [Theory]
    [InlineData("2025-04-01", "令和7年4月1日", "R7.4.1")]
    [InlineData("2019-05-01", "令和元年5月1日", "R1.5.1")]
    [InlineData("2019-04-30", "平成31年4月30日", "H31.4.30")]
    [InlineData("1989-01-08", "平成元年1月8日", "H1.1.8")]
    [InlineData("1989-01-07", "昭和64年1月7日", "S64.1.7")]
    [InlineData("1926-12-25", "昭和元年12月25日", "S1.12.25")]
    [InlineData("1926-12-24", "大正15年12月24日", "T15.12.24")]
    [InlineData("1912-07-30", "大正元年7月30日", "T1.7.30")]
    [InlineData("1912-07-29", "明治45年7月29日", "M45.7.29")]
    [InlineData("1873-01-01", "明治6年1月1日", "M6.1.1")]
    [InlineData("1872-12-31", "1872年12月31日", "1872.12.31")]
    public void Format_WritesTheEraOfTheDay(string iso, string expected, string expectedShort)
    {
        var day = DateOnly.Parse(iso, CultureInfo.InvariantCulture);
        Assert.Equal(expected, WarekiFormatter.Format(day));
        Assert.Equal(expectedShort, WarekiFormatter.FormatShort(day));
    }

    [Fact]
    public void Format_AgreesWithDotNetsJapaneseCalendar_FromTheCalendarReformOn()
    {
        // The platform's calendar (ICU) is an independent oracle; it also writes 元年 for year 1.
        var japanese = new CultureInfo("ja-JP");
        japanese.DateTimeFormat.Calendar = new JapaneseCalendar();
        for (var day = new DateOnly(1873, 1, 1); day <= new DateOnly(2060, 12, 31); day = day.AddDays(1))
            Assert.Equal(day.ToDateTime(TimeOnly.MinValue).ToString("ggy年M月d日", japanese), WarekiFormatter.Format(day));
    }

    [Fact]
    public void Eras_FollowOneAnother_WithTheChangeDaySharedOnlyBefore1989()
    {
        var eras = JapaneseEras.All;
        for (var i = 1; i < eras.Count; i++)
        {
            var gap = eras[i].Start.DayNumber - eras[i - 1].End!.Value.DayNumber;
            Assert.Equal(eras[i].FirstYear < 1989 ? 0 : 1, gap);
        }
        Assert.Null(eras[^1].End);
    }
}
