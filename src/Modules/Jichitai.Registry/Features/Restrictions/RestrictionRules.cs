using Jichitai.Registry.Persistence;

namespace Jichitai.Registry.Features.Restrictions;

/// <summary>支援措置 (DV・ストーカー等の被害者の支援), 仮支援措置, and other 抑止 (standard 3.1, 3.4).</summary>
public enum RestrictionKind { SupportMeasure = 1, ProvisionalSupportMeasure = 2, Other = 3 }

/// <summary>Per process: none, an alert the clerk must read, or an error that stops the process (standard 3.1).</summary>
public enum RestrictionLevel { None = 0, Alert = 1, Error = 2 }

/// <summary>The processes a restriction applies to (standard 3.1: 異動入力、証明書発行、照会).</summary>
public enum RestrictedProcess { Movement = 1, Issuance = 2, Inquiry = 3 }

/// <summary>The period and level rules of standard 3.1 and 3.4, in one place.</summary>
public static class RestrictionRules
{
    /// <summary>
    /// 支援措置 lasts one year (standard 3.4: 令和2年4月1日 → 令和3年3月31日). A period starting on 2月29日 ends on
    /// 2月28日 of the next year: a year counted from a day with no counterpart ends at the end of that month (民法143条2項).
    /// </summary>
    public static DateOnly OneYearFrom(DateOnly start) =>
        start is { Month: 2, Day: 29 } ? new DateOnly(start.Year + 1, 2, 28) : start.AddYears(1).AddDays(-1);

    /// <summary>Extension is possible from one month before the end (standard 3.4).</summary>
    public static DateOnly ExtensionOpensOn(DateOnly endOn) => endOn.AddMonths(-1);

    /// <summary>The extended period starts the day after the old end and lasts one year (standard 3.4).</summary>
    public static DateOnly ExtendedEnd(DateOnly endOn) => OneYearFrom(endOn.AddDays(1));

    /// <summary>In force from its start until explicitly ended; an end date that has passed does not lift it (standard 3.1).</summary>
    public static bool IsActive(RestrictionRow r, DateOnly today) => r.EndedOn is null && r.StartOn <= today;

    public static RestrictionLevel LevelFor(RestrictionRow r, RestrictedProcess process) => process switch
    {
        RestrictedProcess.Movement => r.Movement,
        RestrictedProcess.Issuance => r.Issuance,
        _ => r.Inquiry,
    };

    /// <summary>The level that applies now: a temporary release (一時解除) lowers an error to an alert until it runs out.</summary>
    public static RestrictionLevel EffectiveLevel(RestrictionRow r, RestrictedProcess process, DateOnly today, DateTime utcNow)
    {
        if (!IsActive(r, today)) return RestrictionLevel.None;
        var level = LevelFor(r, process);
        return level == RestrictionLevel.Error && r.ReleasedUntil is { } until && until > utcNow ? RestrictionLevel.Alert : level;
    }

    /// <summary>Warnings to show with the record (standard 3.4: ending within a month, or period over without extension).</summary>
    public static string? PeriodWarning(RestrictionRow r, DateOnly today)
    {
        if (r.Kind == RestrictionKind.Other || r.EndOn is not { } end || !IsActive(r, today)) return null;
        if (today > end) return $"支援措置の期間({end:yyyy年M月d日}まで)が終了しています。延長または終了の処理をしてください。";
        if (today >= ExtensionOpensOn(end)) return $"支援措置の期間が1か月以内({end:yyyy年M月d日})に終了します。延長の要否を確認してください。";
        return null;
    }

    public static string KindLabel(RestrictionKind k) => k switch
    {
        RestrictionKind.SupportMeasure => "支援措置",
        RestrictionKind.ProvisionalSupportMeasure => "仮支援措置",
        _ => "抑止",
    };

    public static string LevelLabel(RestrictionLevel l) => l switch { RestrictionLevel.Error => "エラー", RestrictionLevel.Alert => "アラート", _ => "なし" };

    public static RestrictionLevel? ParseLevel(string? text) => text?.Trim() switch
    {
        null or "" or "なし" or "None" => RestrictionLevel.None,
        "アラート" or "Alert" => RestrictionLevel.Alert,
        "エラー" or "Error" => RestrictionLevel.Error,
        _ => null,
    };

    public static RestrictionKind? ParseKind(string? text) => text?.Trim() switch
    {
        "支援措置" or "SupportMeasure" => RestrictionKind.SupportMeasure,
        "仮支援措置" or "ProvisionalSupportMeasure" => RestrictionKind.ProvisionalSupportMeasure,
        "抑止" or "Other" => RestrictionKind.Other,
        _ => null,
    };
}
