using Jichitai.Care.Ordinance;

namespace Jichitai.Care.Premiums;

public static class CollectionMethods
{
    public const string Special = "特別徴収";
    public const string Ordinary = "普通徴収";
    public const string Both = "併用";
}

/// <summary>One installment (期別): the month it is collected, how, and how much.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(InstallmentJsonConverter))]
public sealed record Installment(int Year, int Month, string Method, string Label, long Amount)
{
    public FiscalMonth When => new(Year, Month);
}

/// <summary>The legal calendar of 特別徴収 (介護保険法135条, 140条; 施行令): the months pensions are paid.</summary>
public static class CollectionCalendar
{
    /// <summary>仮徴収 (140条): April, June, August, each at the previous February's amount.</summary>
    public static readonly int[] ProvisionalMonths = [4, 6, 8];
    /// <summary>本徴収 (135条): October, December, February.</summary>
    public static readonly int[] FinalMonths = [10, 12, 2];
    public static bool IsSpecialMonth(int month) => month is 4 or 6 or 8 or 10 or 12 or 2;
}

/// <summary>What decides how a premium is collected.</summary>
public sealed record CollectionFacts(
    /// <summary>Annual pension from the pension insurer's 特別徴収対象者 data, or null if none.</summary>
    long? AnnualPension,
    /// <summary>The February 本徴収 amount of the previous fiscal year (the basis of 仮徴収), or null.</summary>
    long? PreviousFebruarySpecial,
    /// <summary>Insured on the 賦課期日 and not losing the qualification during the year.</summary>
    bool InsuredAllYearFromAssessmentDate,
    /// <summary>First month of the qualification in this fiscal year.</summary>
    FiscalMonth FirstInsuredMonth);

/// <summary>期割: splitting a premium into installments (特別徴収 仮徴収・本徴収, 普通徴収 納期).</summary>
public static class InstallmentPlanner
{
    /// <summary>The plan of a first assessment (本算定 or the assessment at acquisition).</summary>
    public static (string Method, IReadOnlyList<Installment> Installments, long Refund) Plan(int fiscalYear, long premium, OrdinanceParameters p, CollectionFacts facts)
    {
        if (premium <= 0) return (CollectionMethods.Ordinary, [], 0);
        var special = facts.AnnualPension is { } pension && pension >= p.SpecialCollectionThreshold && facts.InsuredAllYearFromAssessmentDate;
        var calendar = Calendar(fiscalYear, p);
        if (special && facts.PreviousFebruarySpecial is { } february && february > 0)
        {
            // 仮徴収 at the previous February's amount, 本徴収 for the rest.
            var rest = premium - february * calendar.Provisional.Length;
            var installments = new List<Installment>(6);
            foreach (var slot in calendar.Provisional) installments.Add(slot with { Amount = february });
            installments.AddRange(Split(calendar.Final, Math.Max(0, rest), p.InstallmentUnit));
            return (CollectionMethods.Special, installments, Math.Max(0, -rest));
        }
        var ordinary = new List<Installment>(calendar.Ordinary.Length + 3);
        foreach (var slot in calendar.Ordinary)
            if (slot.When >= facts.FirstInsuredMonth && (!special || slot.When < calendar.October)) ordinary.Add(slot);
        if (special)
        {
            // 特別徴収 starts with 本徴収 in October; the months before are 普通徴収 (納期 before October).
            var method = ordinary.Count > 0 ? CollectionMethods.Both : CollectionMethods.Special;
            ordinary.AddRange(calendar.Final);
            return (method, Split(ordinary, premium, p.InstallmentUnit), 0);
        }
        if (ordinary.Count == 0) ordinary.Add(calendar.Ordinary[^1] with { Label = "随時" });
        return (CollectionMethods.Ordinary, Split(ordinary, premium, p.InstallmentUnit), 0);
    }

    /// <summary>The slots of one fiscal year under one ordinance (built once per run).</summary>
    private sealed record YearCalendar(Installment[] Provisional, Installment[] Final, Installment[] Ordinary, FiscalMonth October);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<OrdinanceParameters, System.Collections.Concurrent.ConcurrentDictionary<int, YearCalendar>> Calendars = new();

    private static YearCalendar Calendar(int fiscalYear, OrdinanceParameters p) =>
        Calendars.GetValue(p, _ => new()).GetOrAdd(fiscalYear, fy => new YearCalendar(
            CollectionCalendar.ProvisionalMonths.Select(m => Slot(fy, m, CollectionMethods.Special, "仮徴収")).ToArray(),
            CollectionCalendar.FinalMonths.Select(m => Slot(fy, m, CollectionMethods.Special, "本徴収")).ToArray(),
            OrdinarySlots(fy, p, new FiscalMonth(fy, 4)).ToArray(),
            new FiscalMonth(fy, 10)));

    /// <summary>
    /// 更正: installments up to and including <paramref name="decidedIn"/> stay as billed; the new premium less what they
    /// hold is spread over the later ones. 特別徴収 stops when the qualification is lost (the rest is 普通徴収).
    /// </summary>
    public static (string Method, IReadOnlyList<Installment> Installments, long Refund) Revise(int fiscalYear, long premium, OrdinanceParameters p,
        CollectionFacts facts, IReadOnlyList<Installment> previous, FiscalMonth decidedIn)
    {
        var billed = previous.Where(i => i.When <= decidedIn).ToList();
        var planned = Plan(fiscalYear, 1, p, facts).Installments; // only the slots are used
        var later = planned.Where(i => i.When > decidedIn).Select(i => i with { Amount = 0 }).ToList();
        if (!facts.InsuredAllYearFromAssessmentDate || later.Count == 0)
        {
            // Nothing more can be taken from the pension: the rest is billed by 納付書 in the remaining 納期.
            later = OrdinarySlots(fiscalYear, p, facts.FirstInsuredMonth).Where(i => i.When > decidedIn).ToList();
            if (later.Count == 0 && decidedIn < new FiscalMonth(fiscalYear + 1, 4))
                later = [new Installment(decidedIn.Next().Year, decidedIn.Next().Month, CollectionMethods.Ordinary, "随時", 0)];
        }
        // 仮徴収 amounts still to come were fixed by law (140条) and stay as they were.
        var fixedLater = later.Where(i => i.Label == "仮徴収").Select(i => previous.FirstOrDefault(x => x.When == i.When) ?? i).ToList();
        var open = later.Where(i => i.Label != "仮徴収").ToList();
        var rest = premium - billed.Sum(i => i.Amount) - fixedLater.Sum(i => i.Amount);
        var spread = open.Count > 0 ? Split(open, Math.Max(0, rest), p.InstallmentUnit) : [];
        var all = billed.Concat(fixedLater).Concat(spread).OrderBy(i => i.When).ToList();
        var refund = Math.Max(0, -rest);
        if (open.Count == 0 && rest > 0) all.Add(new Installment(decidedIn.Next().Year, decidedIn.Next().Month, CollectionMethods.Ordinary, "随時", rest));
        var methods = all.Where(i => i.Amount > 0).Select(i => i.Method).Distinct().ToList();
        var method = methods.Count == 1 ? methods[0] : methods.Count == 0 ? CollectionMethods.Ordinary : CollectionMethods.Both;
        return (method, all, refund);
    }

    /// <summary>端数は第1期: every installment is a multiple of the unit, the first takes the remainder.</summary>
    public static List<Installment> Split(IReadOnlyList<Installment> slots, long total, int unit)
    {
        var result = new List<Installment>(slots.Count);
        if (slots.Count == 0) return result;
        var each = total / slots.Count / unit * unit;
        for (var i = 0; i < slots.Count; i++) result.Add(slots[i] with { Amount = i == 0 ? total - each * (slots.Count - 1) : each });
        return result;
    }

    private static List<Installment> OrdinarySlots(int fiscalYear, OrdinanceParameters p, FiscalMonth firstInsured)
    {
        // 期 numbers follow the ordinance's calendar (7月 = 第1期 …), also for someone who joins mid-year.
        var months = p.OrdinaryDueMonths.Select(m => FiscalMonths.Place(fiscalYear, m)).OrderBy(m => m).ToList();
        return months.Select((m, i) => new Installment(m.Year, m.Month, CollectionMethods.Ordinary, $"第{i + 1}期", 0))
            .Where(s => s.When >= firstInsured).ToList();
    }

    private static Installment Slot(int fiscalYear, int month, string method, string label)
    {
        var m = FiscalMonths.Place(fiscalYear, month);
        return new Installment(m.Year, m.Month, method, label, 0);
    }
}
