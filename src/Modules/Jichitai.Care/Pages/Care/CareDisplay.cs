using System.Globalization;
using Jichitai.Care.Notices;
using Jichitai.Care.Persistence;
using Jichitai.Care.Qualification;
using Jichitai.Platform;

namespace Jichitai.Care.Pages.Care;

/// <summary>How the 介護保険 pages write dates (和暦), times (JST), amounts and states.</summary>
public static class CareDisplay
{
    public static string Date(DateOnly? date) => date is { } d ? CareWording.Date(d) : "—";
    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
    public static string Jst(DateTime? utc) => utc is { } t ? JapanTime.FromUtc(t).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "—";
    public static string Yen(long amount) => CareWording.Yen(amount);
    public static string Year(int fiscalYear) => $"{CareWording.FiscalYear(fiscalYear)}({fiscalYear}年度)";
    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Period(QualificationPeriod p) =>
        $"{Date(p.AcquiredOn)} 取得({p.AcquisitionReason}) 〜 {(p.LostOn is { } l ? $"{Date(l)} 喪失({p.LossReason})" : "継続中")}";

    public static string Status(StatusPeriod s) => $"{Date(s.From)} 〜 {(s.To is { } t ? Date(t) : "継続中")}{(s.Note.Length > 0 ? $"({s.Note})" : "")}";

    public static string RunState(AssessmentRunRow run, DateTime nowUtc) => run.State switch
    {
        Persistence.RunState.Completed => "完了",
        Persistence.RunState.Failed => "失敗",
        _ when run.Error is not null => "中断(エラー・再実行で再開)",
        _ when run.LeaseUntil is null || run.LeaseUntil < nowUtc => "中断(再実行で再開)",
        _ => "実行中",
    };

    public static string ReductionState(ReductionState s) => s switch
    {
        Persistence.ReductionState.Approved => "承認",
        Persistence.ReductionState.Rejected => "却下",
        _ => "審査待ち",
    };

    public static string Months(int from, int to) => $"{from}月〜{to}月";
}
