using Jichitai.Care.Premiums;
using Jichitai.Care.Qualification;

namespace Jichitai.Care.Tests.Qualification;

/// <summary>介護保険法9–13条 and the 年齢計算 rules, with cases that catch the usual wrong readings.</summary>
public sealed class QualificationRulesTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Theory]
    [InlineData("1961-05-10", "2026-05-09")] // the day before the birthday
    [InlineData("1961-12-01", "2026-11-30")] // born on the 1st: the previous month
    [InlineData("1961-04-01", "2026-03-31")] // born on April 1: insured before the fiscal year starts
    [InlineData("1961-04-02", "2026-04-01")]
    [InlineData("1960-02-29", "2025-02-28")] // 29 February in a common year (民法143条)
    [InlineData("1963-03-01", "2028-02-29")] // the day before 1 March in a leap year is 29 February, not 28
    public void ReachesSixtyFive_TheDayBeforeTheBirthday(string birth, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), InsuredAge.ReachesOn(DateOnly.Parse(birth)));

    [Fact]
    public void ResidentSinceBirth_AcquiresOnReaching65()
    {
        var p = Assert.Single(QualificationRules.Derive(new ResidenceFacts(D(1961, 5, 10), D(1961, 5, 10), "出生", null, null, false), [], []));
        Assert.Equal(new QualificationPeriod(D(2026, 5, 9), "65歳到達", null, null), p);
    }

    [Fact]
    public void MovingInAtSeventy_AcquiresOnTheDayOfMovingIn()
    {
        var p = Assert.Single(QualificationRules.Derive(new ResidenceFacts(D(1956, 1, 1), D(2026, 6, 15), "転入", null, null, false), [], []));
        Assert.Equal(D(2026, 6, 15), p.AcquiredOn);
        Assert.Equal("転入", p.AcquisitionReason);
    }

    [Theory]
    [InlineData("転出", "2026-09-10")]     // 11条ただし書: an address elsewhere on that very day
    [InlineData("死亡", "2026-09-11")]     // the day after
    [InlineData("国外転出", "2026-09-11")] // no address in another municipality: the day after
    [InlineData("職権消除", "2026-09-11")]
    public void Loss_SameDayOnlyWhenMovingToAnotherMunicipality(string reason, string lostOn)
    {
        var p = Assert.Single(QualificationRules.Derive(new ResidenceFacts(D(1950, 1, 1), D(1950, 1, 1), "出生", D(2026, 9, 10), reason, false), [], []));
        Assert.Equal(DateOnly.Parse(lostOn), p.LostOn);
        Assert.Equal(reason, p.LossReason);
    }

    [Fact]
    public void MovedOutBefore65_NeverInsured() =>
        Assert.Empty(QualificationRules.Derive(new ResidenceFacts(D(1961, 5, 10), D(1961, 5, 10), "出生", D(2026, 5, 8), "転出", false), [], []));

    [Fact]
    public void MovedOutOnThe65thDay_NotInsuredHere()
    {
        // Reaches 65 on 2026-05-09 and moves out that day: the other municipality insures (loss same day = acquisition day).
        Assert.Empty(QualificationRules.Derive(new ResidenceFacts(D(1961, 5, 10), D(1961, 5, 10), "出生", D(2026, 5, 9), "転出", false), [], []));
    }

    [Fact]
    public void AddressException_KeepsTheInsuredAfterMovingToAFacilityElsewhere()
    {
        // 13条: moved into a facility in another municipality on 2026-09-10; stays insured here until it ends.
        var facts = new ResidenceFacts(D(1950, 1, 1), D(1950, 1, 1), "出生", D(2026, 9, 10), "転出", false);
        var open = Assert.Single(QualificationRules.Derive(facts, [new StatusPeriod(D(2026, 9, 10), null, "特別養護老人ホーム(川崎市)")], []));
        Assert.Null(open.LostOn);
        var ended = Assert.Single(QualificationRules.Derive(facts, [new StatusPeriod(D(2026, 9, 10), D(2027, 1, 20), "施設")], []));
        Assert.Equal(D(2027, 1, 21), ended.LostOn);
        Assert.Equal(QualificationRules.AddressExceptionEnded, ended.LossReason);
    }

    [Fact]
    public void Exclusion_SplitsThePeriod()
    {
        var facts = new ResidenceFacts(D(1950, 1, 1), D(1950, 1, 1), "出生", null, null, false);
        var periods = QualificationRules.Derive(facts, [], [new StatusPeriod(D(2026, 7, 1), D(2026, 8, 31), "障害者支援施設")]);
        Assert.Equal(2, periods.Count);
        Assert.Equal((D(2026, 7, 1), QualificationRules.ExclusionStarted), (periods[0].LostOn!.Value, periods[0].LossReason!));
        Assert.Equal((D(2026, 9, 1), QualificationRules.ExclusionEnded), (periods[1].AcquiredOn, periods[1].AcquisitionReason));
        Assert.Equal([D(2026, 4, 1), D(2026, 5, 1), D(2026, 6, 1), D(2026, 9, 1), D(2026, 10, 1), D(2026, 11, 1), D(2026, 12, 1), D(2027, 1, 1), D(2027, 2, 1), D(2027, 3, 1)],
            FiscalMonths.Insured(periods, 2026).Select(m => new DateOnly(m.Year, m.Month, 1)));
    }

    [Fact]
    public void VoidedRecord_NoQualification() =>
        Assert.Empty(QualificationRules.Derive(new ResidenceFacts(D(1950, 1, 1), D(1950, 1, 1), "出生", null, null, true), [], []));

    [Theory]
    [InlineData("2026-11-03", "2026-11-20", 0)]  // acquisition and loss in the same month: no month
    [InlineData("2026-11-30", null, 5)]           // born 1 December: November to March
    [InlineData("2026-03-31", null, 12)]          // born 1 April: insured from 31 March, the whole fiscal year
    [InlineData("2025-01-01", "2026-09-11", 5)]  // died 10 September: April to August
    [InlineData("2025-01-01", "2026-04-01", 0)]  // lost on 1 April: nothing in the year
    [InlineData("2025-01-01", "2026-04-02", 0)]  // lost on 2 April: the month before April is March — nothing this year
    [InlineData("2025-01-01", "2026-05-01", 1)]  // lost on 1 May: April counts
    public void MonthsInsured_FromTheAcquisitionMonthToTheMonthBeforeTheLoss(string acquired, string? lost, int months) =>
        Assert.Equal(months, FiscalMonths.Insured([new QualificationPeriod(DateOnly.Parse(acquired), "x", lost is null ? null : DateOnly.Parse(lost), lost is null ? null : "y")], 2026).Count);
}
