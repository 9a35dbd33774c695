namespace Jichitai.Care.Qualification;

/// <summary>
/// 第1号被保険者の資格 (介護保険法9条1号, 10条, 11条, 13条; 介護保険法施行法11条 適用除外). Pure: the same facts always give the
/// same periods, so a person's qualification can be recomputed from the registry at any time.
/// </summary>
public static class QualificationRules
{
    public const string Reached65 = "65歳到達";
    public const string MovedIn = "転入";
    public const string ExclusionEnded = "適用除外非該当";
    public const string AddressExceptionStart = "住所地特例";
    public const string AddressExceptionEnded = "住所地特例終了";
    public const string ExclusionStarted = "適用除外該当";

    public static IReadOnlyList<QualificationPeriod> Derive(ResidenceFacts facts, IReadOnlyList<StatusPeriod> addressExceptions, IReadOnlyList<StatusPeriod> exclusions)
    {
        var reaches65 = InsuredAge.ReachesOn(facts.BirthDate);
        // Coverage as half-open day intervals [start, end): residence here, or insured here under 住所地特例 (13条).
        var cover = new List<Interval>();
        if (!facts.Voided && facts.ResidentFrom is { } from)
        {
            var end = facts.RemovedOn is { } removed ? LossDay(removed, facts.RemovalReason) : (DateOnly?)null;
            if (end is null || end > from) cover.Add(new Interval(from, end, ResidentFromReason(facts.ResidentFromReason), facts.RemovalReason));
        }
        foreach (var e in addressExceptions)
            cover.Add(new Interval(e.From, e.To?.AddDays(1), AddressExceptionStart, AddressExceptionEnded));
        cover = Merge(cover);
        foreach (var x in exclusions) cover = Subtract(cover, x);

        var periods = new List<QualificationPeriod>();
        foreach (var i in cover)
        {
            if (i.End is { } end && end <= reaches65) continue;
            var start = i.Start < reaches65 ? reaches65 : i.Start;
            var reason = i.Start < reaches65 ? Reached65 : i.StartReason;
            periods.Add(new QualificationPeriod(start, reason, i.End, i.End is null ? null : i.EndReason));
        }
        return periods;
    }

    /// <summary>
    /// 11条: the day after the day one stops having an address here; the same day if one takes up an address in another
    /// municipality that day (転出: the 異動日 is that day). Abroad and death: the next day.
    /// </summary>
    public static DateOnly LossDay(DateOnly removedOn, string? removalReason) =>
        removalReason == "転出" ? removedOn : removedOn.AddDays(1);

    private static string ResidentFromReason(string? reason) => reason is null or "転入" or "再転入" or "特例転入" or "未届転入" or "国外からの転入" or "法第30条の46転入" ? MovedIn : reason;

    private sealed record Interval(DateOnly Start, DateOnly? End, string StartReason, string? EndReason);

    private static List<Interval> Merge(List<Interval> list)
    {
        var sorted = list.OrderBy(i => i.Start).ToList();
        var merged = new List<Interval>();
        foreach (var i in sorted)
        {
            if (merged.Count > 0 && merged[^1] is var last && (last.End is null || last.End >= i.Start))
            {
                if (last.End is not null && (i.End is null || i.End > last.End)) merged[^1] = last with { End = i.End, EndReason = i.EndReason };
                continue;
            }
            merged.Add(i);
        }
        return merged;
    }

    // 適用除外: not insured from the day the status starts to its last day (inclusive).
    private static List<Interval> Subtract(List<Interval> cover, StatusPeriod x)
    {
        var from = x.From;
        DateOnly? to = x.To?.AddDays(1);
        var result = new List<Interval>();
        foreach (var i in cover)
        {
            var overlaps = (i.End is null || i.End > from) && (to is null || i.Start < to);
            if (!overlaps) { result.Add(i); continue; }
            if (i.Start < from) result.Add(i with { End = from, EndReason = ExclusionStarted });
            if (to is { } t && (i.End is null || i.End > t)) result.Add(i with { Start = t, StartReason = ExclusionEnded });
        }
        return result;
    }
}
