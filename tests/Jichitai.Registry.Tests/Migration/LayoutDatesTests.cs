using Jichitai.Registry.Features.Migration.Layout;

namespace Jichitai.Registry.Tests.Migration;

/// <summary>Dates of the layout: 西暦 8 digits or dashed, 和暦 as 年号コード + YYMMDD checked against the era table.</summary>
public class LayoutDatesTests
{
    [Theory]
    [InlineData("20260401", 2026, 4, 1)]
    [InlineData("2026-04-01", 2026, 4, 1)]
    [InlineData("4310430", 2019, 4, 30)]   // 平成31年4月30日: the last day of 平成
    [InlineData("5010501", 2019, 5, 1)]    // 令和元年5月1日
    [InlineData("3640107", 1989, 1, 7)]    // 昭和64年1月7日
    [InlineData("4010108", 1989, 1, 8)]    // 平成元年1月8日
    [InlineData("1450730", 1912, 7, 30)]   // 明治45年7月30日 (the change day is in both eras)
    [InlineData("2010730", 1912, 7, 30)]   // 大正元年7月30日
    [InlineData("20240229", 2024, 2, 29)]
    public void Reads_WesternAndEraDates(string text, int y, int m, int d)
    {
        Assert.True(LayoutDates.TryParse(text, out var date, out var error), error);
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("4310501", "平成31年5月1日は存在しません")]   // 平成 had ended
    [InlineData("3640108", "昭和64年1月8日は存在しません")]
    [InlineData("20260230", "2月30日")]
    [InlineData("20250229", "2月29日")]
    [InlineData("6010101", "年号コード「6」はありません")]
    [InlineData("0010101", "年号コード「0」はありません")]
    [InlineData("5000101", "令和0年は存在しません")]
    [InlineData("2026/04/01", "西暦8桁")]
    [InlineData("R8.4.1", "西暦8桁")]
    public void Rejects_DaysThatDoNotExist_AndOtherForms(string text, string reason)
    {
        Assert.False(LayoutDates.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Writes_Western8Digits()
    {
        Assert.Equal("20190501", LayoutDates.Format(new DateOnly(2019, 5, 1)));
        Assert.Equal("", LayoutDates.Format((DateOnly?)null));
    }
}
