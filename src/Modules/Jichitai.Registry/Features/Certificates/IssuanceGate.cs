using Jichitai.Registry.Features.Restrictions;
using Jichitai.Registry.Persistence;

namespace Jichitai.Registry.Features.Certificates;

/// <summary>Why a request is stopped at the 支援措置・発行抑止 check.</summary>
public enum IssuanceStop
{
    None = 0,
    /// <summary>The requester is registered as the 加害者 of a 支援措置 on a subject: always refused.</summary>
    Offender,
    /// <summary>A third party asks about a person under 支援措置: refused (事務処理要領 第5-10).</summary>
    ThirdPartyUnderSupportMeasure,
    /// <summary>A 公用 request about a person under 支援措置 needs an officer's exception with its reason.</summary>
    OfficialNeedsException,
    /// <summary>A 発行抑止 set as error (not temporarily released).</summary>
    IssuanceRestricted,
    /// <summary>Alerts the clerk has not yet acknowledged.</summary>
    AlertsNotAcknowledged,
}

public sealed record GateSubject(string AddresseeNumber, string Name, IReadOnlyList<RestrictionRow> Restrictions, bool RequesterIsOffender);

public sealed record GateDecision(IssuanceStop Stop, string? Message, IReadOnlyList<RestrictionNotice> Notices, bool ExceptionApplied)
{
    public bool Allowed => Stop == IssuanceStop.None;
}

/// <summary>
/// The 支援措置 and 発行抑止 check at issue (標準3.1, 3.4; 住基法12条6項, 12条の3 and 事務処理要領 第5-10):
/// written once, pure, in the order the counter applies it.
/// </summary>
public static class IssuanceGate
{
    public static GateDecision Decide(RequesterType requester, IReadOnlyList<GateSubject> subjects, bool alertsAcknowledged,
        string? exceptionReason, bool actorIsOfficer, DateOnly today, DateTime utcNow)
    {
        var notices = subjects.SelectMany(s => RestrictionChecks.Notices(s.Restrictions, RestrictedProcess.Issuance, today, utcNow)).ToList();
        var protectedPeople = subjects.Where(s => s.Restrictions.Any(r => IsSupportMeasure(r) && RestrictionRules.IsActive(r, today))).ToList();

        // 1. A 加害者 gets nothing about the protected person, whatever they claim to be.
        if (subjects.FirstOrDefault(s => s.RequesterIsOffender) is { } victim)
            return Stop(IssuanceStop.Offender, $"請求者は宛名番号 {victim.AddresseeNumber} の支援措置で加害者として登録されています。この請求には応じられません(住基法12条6項、支援措置)。", notices);
        // 2. 第三者 requests about a protected person are refused.
        if (requester == RequesterType.ThirdParty && protectedPeople.Count > 0)
            return Stop(IssuanceStop.ThirdPartyUnderSupportMeasure, $"宛名番号 {protectedPeople[0].AddresseeNumber} は支援措置の対象のため、第三者からの請求には応じられません(住基法12条の3、支援措置)。", notices);
        // 3. 公用 requests need an officer's recorded exception.
        var exception = false;
        if (requester == RequesterType.Official && protectedPeople.Count > 0)
        {
            if (string.IsNullOrWhiteSpace(exceptionReason) || !actorIsOfficer)
                return Stop(IssuanceStop.OfficialNeedsException, $"宛名番号 {protectedPeople[0].AddresseeNumber} は支援措置の対象です。公用請求に応じるには、住記担当の職員が例外として交付する理由を記録してください。", notices);
            exception = true;
        }
        // 4. 発行抑止 as error stops everyone until an officer releases it temporarily.
        foreach (var s in subjects)
        {
            var blocking = s.Restrictions.FirstOrDefault(r => RestrictionRules.EffectiveLevel(r, RestrictedProcess.Issuance, today, utcNow) == RestrictionLevel.Error);
            if (blocking is not null)
                return Stop(IssuanceStop.IssuanceRestricted, $"宛名番号 {s.AddresseeNumber} は{RestrictionRules.KindLabel(blocking.Kind)}により証明書の発行が抑止されています(抑止番号 {blocking.Id})。必要な場合は権限のある職員が一時解除してください(標準仕様書 3.1)。", notices);
        }
        // 5. Alerts: the clerk reads and acknowledges them before printing.
        if (notices.Count > 0 && !alertsAcknowledged)
            return Stop(IssuanceStop.AlertsNotAcknowledged, "発行の前に確認が必要な事項があります: " + string.Join(" ", notices.Select(n => n.Message)), notices);
        return new GateDecision(IssuanceStop.None, null, notices, exception);
    }

    private static bool IsSupportMeasure(RestrictionRow r) => r.Kind is RestrictionKind.SupportMeasure or RestrictionKind.ProvisionalSupportMeasure;

    private static GateDecision Stop(IssuanceStop stop, string message, IReadOnlyList<RestrictionNotice> notices) => new(stop, message, notices, false);
}
