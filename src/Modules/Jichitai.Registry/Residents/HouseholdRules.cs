using Jichitai.Platform.Errors;

namespace Jichitai.Registry.Residents;

/// <summary>Invariants of a 世帯 (住基法7条4号, standard 1.1.10 / 4.0.4), checked after every movement.</summary>
public static class HouseholdRules
{
    public const string HeadRelationship = "世帯主";

    /// <summary>A household with members has exactly one 世帯主, and no member but the head is called 世帯主.</summary>
    public static void Check(string householdNumber, IReadOnlyCollection<ResidentRecord> currentMembers)
    {
        if (currentMembers.Count == 0) return;
        var heads = currentMembers.Count(m => m.IsHead);
        if (heads == 0)
            throw new DomainException("registry.household.no-head",
                $"世帯({householdNumber})に世帯主がいなくなります。新しい世帯主を指定してください(標準仕様書 4.0.4)。", "newHead");
        if (heads > 1)
            throw new DomainException("registry.household.two-heads",
                $"世帯({householdNumber})に世帯主が{heads}人になります。世帯主は1人だけです。", "relationship");
    }
}

/// <summary>Date rules of a movement (standard 4.0.3; 住基法22–25条).</summary>
public static class MovementDateRules
{
    /// <summary>届出期間: 14 days from the day of the fact (住基法22条1項・23条・24条・25条); the first day is not counted (民法140条).</summary>
    public const int NotificationPeriodDays = 14;

    public static bool IsLate(DateOnly effectiveOn, DateOnly notifiedOn) => notifiedOn > effectiveOn.AddDays(NotificationPeriodDays);

    /// <summary>転出 is notified in advance with its 予定日 as the 異動日 (住基法24条), so only it may follow the 届出日.</summary>
    public static bool IsPlannedMoveOut(Domain.Codes.MovementReasonCode reason) =>
        reason is Domain.Codes.MovementReasonCode.MoveOut or Domain.Codes.MovementReasonCode.MoveOutAbroad;

    public static void Check(DateOnly effectiveOn, DateOnly notifiedOn, DateOnly today, bool effectiveMayFollowNotification, int futureWindowDays)
    {
        if (notifiedOn > today)
            throw new DomainException("registry.date.notified-future", "届出日に未来の日付は入力できません。", "header.notifiedOn");
        if (!effectiveMayFollowNotification && effectiveOn > notifiedOn)
            throw new DomainException("registry.date.effective-after-notified", "異動日が届出日より後になっています。異動日は届出日以前の日付を入力してください。", "header.effectiveOn");
        var limit = effectiveMayFollowNotification ? today.AddDays(futureWindowDays) : today;
        if (effectiveOn > limit)
            throw new DomainException("registry.date.effective-future",
                effectiveMayFollowNotification ? $"異動日(転出予定日)は今日から{futureWindowDays}日後までです。" : "異動日に未来の日付は入力できません。", "header.effectiveOn");
    }
}
