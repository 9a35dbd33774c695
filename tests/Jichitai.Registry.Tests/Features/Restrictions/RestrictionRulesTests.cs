using Jichitai.Registry.Features.Restrictions;
using Jichitai.Registry.Persistence;

namespace Jichitai.Registry.Tests.Features.Restrictions;

public class RestrictionRulesTests
{
    [Theory]
    [InlineData("2020-04-01", "2021-03-31")] // the standard's own example (3.4)
    [InlineData("2024-02-29", "2025-02-28")] // no 2月29日 next year: end of February (民法143条2項), not 2月27日
    [InlineData("2023-03-01", "2024-02-29")] // the day before the counterpart, in a leap year
    [InlineData("2026-01-31", "2027-01-30")]
    public void SupportMeasure_LastsOneYear(string start, string end) =>
        Assert.Equal(DateOnly.Parse(end), RestrictionRules.OneYearFrom(DateOnly.Parse(start)));

    [Fact]
    public void Extension_OpensOneMonthBeforeTheEnd_AndRunsOneYearFromTheNextDay()
    {
        Assert.Equal(new DateOnly(2021, 2, 28), RestrictionRules.ExtensionOpensOn(new DateOnly(2021, 3, 31)));
        Assert.Equal(new DateOnly(2022, 3, 31), RestrictionRules.ExtendedEnd(new DateOnly(2021, 3, 31)));
        Assert.Equal(new DateOnly(2025, 2, 28), RestrictionRules.ExtendedEnd(new DateOnly(2024, 2, 28))); // from 2024-02-29
    }

    [Fact]
    public void PassedEndDate_DoesNotLiftTheRestriction_OnlyEndingDoes()
    {
        var row = new RestrictionRow { Kind = RestrictionKind.SupportMeasure, StartOn = new(2024, 4, 1), EndOn = new(2025, 3, 31), Inquiry = RestrictionLevel.Error, Reason = "DV", CreatedBy = "t" };
        var later = new DateOnly(2026, 1, 1);
        Assert.Equal(RestrictionLevel.Error, RestrictionRules.EffectiveLevel(row, RestrictedProcess.Inquiry, later, DateTime.UtcNow));
        Assert.Contains("終了しています", RestrictionRules.PeriodWarning(row, later));
        Assert.Contains("1か月以内", RestrictionRules.PeriodWarning(row, new DateOnly(2025, 3, 1)));
        Assert.Null(RestrictionRules.PeriodWarning(row, new DateOnly(2025, 2, 27)));
        row.EndedOn = later;
        Assert.Equal(RestrictionLevel.None, RestrictionRules.EffectiveLevel(row, RestrictedProcess.Inquiry, later, DateTime.UtcNow));
    }

    [Fact]
    public void TemporaryRelease_TurnsAnErrorIntoAnAlert_UntilItRunsOut()
    {
        var now = new DateTime(2026, 11, 26, 1, 0, 0, DateTimeKind.Utc);
        var row = new RestrictionRow { Kind = RestrictionKind.Other, StartOn = new(2026, 1, 1), Movement = RestrictionLevel.Error, ReleasedUntil = now.AddMinutes(30), Reason = "x", CreatedBy = "t" };
        var today = new DateOnly(2026, 11, 26);
        Assert.Equal(RestrictionLevel.Alert, RestrictionRules.EffectiveLevel(row, RestrictedProcess.Movement, today, now));
        Assert.Equal(RestrictionLevel.Error, RestrictionRules.EffectiveLevel(row, RestrictedProcess.Movement, today, now.AddMinutes(31)));
        Assert.Equal(RestrictionLevel.None, RestrictionRules.EffectiveLevel(row, RestrictedProcess.Inquiry, today, now));
    }
}
