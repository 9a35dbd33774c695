using Jichitai.Platform.Dates;

namespace Jichitai.Registry.Tests.Domain.Dates;

public class JapaneseDateParserTests
{
    [Theory]
    [InlineData("H1.3.31", "1989-03-31")]
    [InlineData("h1.3.31", "1989-03-31")]
    [InlineData("H01.03.31", "1989-03-31")]
    [InlineData("H010331", "1989-03-31")]
    [InlineData("H1/3/31", "1989-03-31")]
    [InlineData("H1-3-31", "1989-03-31")]
    [InlineData("平成元年3月31日", "1989-03-31")]
    [InlineData("平成1年3月31日", "1989-03-31")]
    [InlineData("平成元年3月31", "1989-03-31")]
    [InlineData(" 平成 元年 3月 31日 ", "1989-03-31")]
    [InlineData("平成１年３月３１日", "1989-03-31")]
    [InlineData("Ｈ１．３．３１", "1989-03-31")]
    [InlineData("平1.3.31", "1989-03-31")]
    [InlineData("㍻1.3.31", "1989-03-31")]
    [InlineData("1989/3/31", "1989-03-31")]
    [InlineData("1989-03-31", "1989-03-31")]
    [InlineData("1989.3.31", "1989-03-31")]
    [InlineData("19890331", "1989-03-31")]
    [InlineData("1989年3月31日", "1989-03-31")]
    [InlineData("１９８９／３／３１", "1989-03-31")]
    [InlineData("1989ー3ー31", "1989-03-31")]
    [InlineData("S64.1.7", "1989-01-07")]
    [InlineData("昭和64年1月7日", "1989-01-07")]
    [InlineData("H1.1.8", "1989-01-08")]
    [InlineData("H31.4.30", "2019-04-30")]
    [InlineData("R1.5.1", "2019-05-01")]
    [InlineData("令和元年5月1日", "2019-05-01")]
    [InlineData("R7.4.1", "2025-04-01")]
    [InlineData("r7.4.1", "2025-04-01")]
    [InlineData("令和7年4月1日", "2025-04-01")]
    [InlineData("M6.1.1", "1873-01-01")]
    [InlineData("明治6年1月1日", "1873-01-01")]
    [InlineData("M45.7.29", "1912-07-29")]
    [InlineData("M45.7.30", "1912-07-30")]  // 標準1.1.8: 明治45年7月30日 is allowed
    [InlineData("T1.7.30", "1912-07-30")]
    [InlineData("大正元年7月30日", "1912-07-30")]
    [InlineData("T15.12.25", "1926-12-25")] // 標準1.1.8: 大正15年12月25日 is allowed
    [InlineData("S1.12.25", "1926-12-25")]
    [InlineData("昭和元年12月25日", "1926-12-25")]
    [InlineData("H4.2.29", "1992-02-29")]
    [InlineData("2000/2/29", "2000-02-29")]
    [InlineData("1868/1/1", "1868-01-01")]
    public void TryParse_ReadsWhatClerksType(string input, string expected)
    {
        Assert.True(JapaneseDateParser.TryParse(input, out var date, out var error), error);
        Assert.Null(error);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
    }

    [Theory]
    [InlineData("平成31年5月1日", "平成31年5月1日は存在しません(平成は平成31年4月30日まで。令和元年5月1日です)")]
    [InlineData("H31.5.1", "平成31年5月1日は存在しません(平成は平成31年4月30日まで。令和元年5月1日です)")]
    [InlineData("H35.1.1", "平成35年1月1日は存在しません(平成は平成31年4月30日まで。令和5年1月1日です)")]
    [InlineData("S64.1.8", "昭和64年1月8日は存在しません(昭和は昭和64年1月7日まで。平成元年1月8日です)")]
    [InlineData("S70.1.1", "昭和70年1月1日は存在しません(昭和は昭和64年1月7日まで。平成7年1月1日です)")]
    [InlineData("H1.1.7", "平成元年1月7日は存在しません(平成は平成元年1月8日から。昭和64年1月7日です)")]
    [InlineData("R1.4.30", "令和元年4月30日は存在しません(令和は令和元年5月1日から。平成31年4月30日です)")]
    [InlineData("M45.7.31", "明治45年7月31日は存在しません(明治は明治45年7月30日まで。大正元年7月31日です)")]
    [InlineData("T1.7.29", "大正元年7月29日は存在しません(大正は大正元年7月30日から。明治45年7月29日です)")]
    [InlineData("T15.12.26", "大正15年12月26日は存在しません(大正は大正15年12月25日まで。昭和元年12月26日です)")]
    [InlineData("S1.12.24", "昭和元年12月24日は存在しません(昭和は昭和元年12月25日から。大正15年12月24日です)")]
    public void TryParse_RejectsADateOutsideItsEra_NamingTheRightOne(string input, string expected)
    {
        Assert.False(JapaneseDateParser.TryParse(input, out var date, out var error));
        Assert.Equal(expected, error);
        Assert.Equal(default, date);
    }

    [Theory]
    [InlineData("H1.2.30", "2月30日は存在しません")]
    [InlineData("H1.4.31", "4月31日は存在しません")]
    [InlineData("H1.1.0", "1月0日は存在しません")]
    [InlineData("H1.13.1", "13月は存在しません")]
    [InlineData("H1.0.1", "0月は存在しません")]
    [InlineData("H1.2.29", "2月29日は存在しません(平成元年はうるう年ではありません)")]
    [InlineData("1989/2/29", "2月29日は存在しません(1989年はうるう年ではありません)")]
    [InlineData("1900/2/29", "2月29日は存在しません(1900年はうるう年ではありません)")]
    [InlineData("19890230", "2月30日は存在しません")]
    [InlineData("H0.1.1", "平成0年は存在しません(最初の年は平成元年です)")]
    [InlineData("1867/12/31", "西暦は1868年以降で入力してください")]
    [InlineData("0989/3/31", "西暦は1868年以降で入力してください")]
    public void TryParse_RejectsDaysThatDoNotExist(string input, string expected)
    {
        Assert.False(JapaneseDateParser.TryParse(input, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("M5.12.2")]
    [InlineData("明治元年10月23日")]
    [InlineData("M3.2.30")] // a real 旧暦 day, but not a Gregorian one
    public void TryParse_RejectsMeijiDatesBeforeTheCalendarReform(string input)
    {
        Assert.False(JapaneseDateParser.TryParse(input, out _, out var error));
        Assert.StartsWith("明治5年以前の日付は旧暦", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("　 ")]
    public void TryParse_OfNothing_AsksForADate(string? input)
    {
        Assert.False(JapaneseDateParser.TryParse(input, out _, out var error));
        Assert.Equal("日付を入力してください", error);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("89/3/31")]
    [InlineData("H1/3")]
    [InlineData("2025")]
    [InlineData("X1.1.1")]
    [InlineData("平成元年三月三十一日")]
    [InlineData("1989/3/31/1")]
    [InlineData("元年3月31日")]
    public void TryParse_RejectsOtherShapes_WithExamples(string input)
    {
        Assert.False(JapaneseDateParser.TryParse(input, out _, out var error));
        Assert.StartsWith("日付の形式が正しくありません", error);
    }

    [Fact]
    public void TryParse_ReadsBackEveryFormattedDay()
    {
        for (var day = new DateOnly(1873, 1, 1); day <= new DateOnly(2060, 12, 31); day = day.AddDays(1))
        {
            Assert.True(JapaneseDateParser.TryParse(WarekiFormatter.Format(day), out var fromLong, out var error), error);
            Assert.Equal(day, fromLong);
            Assert.True(JapaneseDateParser.TryParse(WarekiFormatter.FormatShort(day), out var fromShort, out error), error);
            Assert.Equal(day, fromShort);
        }
    }
}
