using Jichitai.Registry.Features.Certificates;
using Jichitai.Registry.Features.Restrictions;
using Jichitai.Registry.Persistence;

namespace Jichitai.Registry.Tests.Certificates.Issuance;

public class IssuanceGateTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly DateTime Now = new(2026, 11, 26, 1, 0, 0, DateTimeKind.Utc);

    private static RestrictionRow Measure(RestrictionLevel issuance = RestrictionLevel.None, RestrictionKind kind = RestrictionKind.SupportMeasure) => new()
    {
        Id = 7, Kind = kind, StartOn = new(2026, 5, 1), EndOn = new(2027, 4, 30), Issuance = issuance, Reason = "DV", CreatedBy = "t",
    };

    private static GateDecision Decide(RequesterType type, RestrictionRow? row = null, bool offender = false, bool ack = false, string? exception = null, bool officer = false) =>
        IssuanceGate.Decide(type, [new GateSubject("100000001", "山田 花子", row is null ? [] : [row], offender)], ack, exception, officer, Today, Now);

    [Fact]
    public void NoRestriction_IsAllowedForEveryRequester()
    {
        foreach (var t in Enum.GetValues<RequesterType>()) Assert.True(Decide(t).Allowed);
    }

    [Fact]
    public void Offender_IsRefused_EvenAsSelfOrWithAnOfficersException()
    {
        Assert.Equal(IssuanceStop.Offender, Decide(RequesterType.Self, Measure(), offender: true, ack: true).Stop);
        Assert.Equal(IssuanceStop.Offender, Decide(RequesterType.Official, Measure(), offender: true, ack: true, exception: "裁判所の嘱託", officer: true).Stop);
    }

    [Fact]
    public void ThirdParty_AboutAProtectedPerson_IsRefused_WhateverTheIssuanceLevel()
    {
        // The measure's issuance level is "none" here: the refusal comes from the 支援措置 itself, not from the 抑止 level.
        var d = Decide(RequesterType.ThirdParty, Measure(), ack: true);
        Assert.Equal(IssuanceStop.ThirdPartyUnderSupportMeasure, d.Stop);
        Assert.Contains("第三者", d.Message);
        Assert.Equal(IssuanceStop.ThirdPartyUnderSupportMeasure, Decide(RequesterType.ThirdParty, Measure(kind: RestrictionKind.ProvisionalSupportMeasure), ack: true).Stop);
    }

    [Fact]
    public void Official_NeedsAnOfficersRecordedException()
    {
        Assert.Equal(IssuanceStop.OfficialNeedsException, Decide(RequesterType.Official, Measure(), ack: true).Stop);
        Assert.Equal(IssuanceStop.OfficialNeedsException, Decide(RequesterType.Official, Measure(), ack: true, exception: "税務調査", officer: false).Stop);
        var allowed = Decide(RequesterType.Official, Measure(), ack: true, exception: "税務調査(地方税法)", officer: true);
        Assert.True(allowed.Allowed);
        Assert.True(allowed.ExceptionApplied);
    }

    [Fact]
    public void OtherRestriction_DoesNotStopThirdParties_ButItsLevelDoes()
    {
        Assert.True(Decide(RequesterType.ThirdParty, Measure(kind: RestrictionKind.Other)).Allowed); // level none, not a 支援措置
        Assert.Equal(IssuanceStop.IssuanceRestricted, Decide(RequesterType.Self, Measure(RestrictionLevel.Error, RestrictionKind.Other), ack: true).Stop);
        var alert = Decide(RequesterType.Self, Measure(RestrictionLevel.Alert, RestrictionKind.Other));
        Assert.Equal(IssuanceStop.AlertsNotAcknowledged, alert.Stop);
        Assert.NotEmpty(alert.Notices);
        Assert.True(Decide(RequesterType.Self, Measure(RestrictionLevel.Alert, RestrictionKind.Other), ack: true).Allowed);
    }

    [Fact]
    public void TemporaryRelease_TurnsTheErrorIntoAnAlertToAcknowledge()
    {
        var row = Measure(RestrictionLevel.Error);
        row.ReleasedUntil = Now.AddMinutes(10);
        Assert.Equal(IssuanceStop.AlertsNotAcknowledged, Decide(RequesterType.Self, row).Stop);
        Assert.True(Decide(RequesterType.Self, row, ack: true).Allowed);
    }

    [Fact]
    public void EndedMeasure_NoLongerProtects()
    {
        var row = Measure(RestrictionLevel.Error);
        row.EndedOn = new DateOnly(2026, 10, 1);
        Assert.True(Decide(RequesterType.ThirdParty, row).Allowed);
    }
}
