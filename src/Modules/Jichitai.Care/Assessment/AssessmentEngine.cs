using Jichitai.Care.Ordinance;
using Jichitai.Care.Persistence;
using Jichitai.Care.Premiums;

namespace Jichitai.Care.Assessment;

public static class AssessmentKinds
{
    /// <summary>The whole tenant's annual assessment (本算定).</summary>
    public const string Annual = "本算定";
    /// <summary>First assessment of someone who became insured after the 本算定 (資格取得時の賦課).</summary>
    public const string Initial = "当初";
    /// <summary>A later change (異動, 所得の更正, 減免 …) of an assessment already notified.</summary>
    public const string Revision = "更正";
}

/// <summary>Computes one person's assessment row from the inputs; null when nothing changes.</summary>
internal sealed class AssessmentEngine(int tenantId, int fiscalYear, OrdinanceInForce ordinance, HouseholdTaxability households,
    IReadOnlyDictionary<string, List<AppliedReduction>> reductions, FiscalMonth decidedIn, DateTime now, string actor)
{
    public (AssessmentRow? Row, PremiumResult? Result) Assess(PersonInputs x, long? runId, string? cause)
    {
        var p = ordinance.Parameters;
        var months = FiscalMonths.Insured(x.Periods, fiscalYear);
        if (months.Count == 0 && (x.Current is null || x.Current.Premium == 0 && x.Current.Installments == "[]")) return (null, null);
        var baseDate = PremiumCalculator.BaseDate(x.Periods, fiscalYear);
        var household = Qualification.Households.On(x.Household, x.HouseholdHistory, baseDate);
        var collection = new CollectionFacts(x.AnnualPension, x.PreviousFebruarySpecial,
            x.Periods.Any(q => q.Covers(FiscalMonths.AssessmentDate(fiscalYear)) && (q.LostOn is null || q.LostOn > FiscalMonths.LastDay(fiscalYear))),
            months.Count > 0 ? months[0] : new FiscalMonth(fiscalYear, 4));
        var input = new PremiumInput(fiscalYear, x.Periods, x.Income, households.IsTaxable(household, baseDate), collection,
            reductions.TryGetValue(x.AddresseeNumber, out var r) ? r : []);
        var previous = x.Current is null ? null : CareJson.Read<List<Installment>>(x.Current.Installments);
        var result = PremiumCalculator.Compute(p, input, previous is null ? null : (previous, decidedIn));
        var installments = CareJson.Write(result.Installments);
        if (x.Current is { } cur && cur.Stage == result.Stage && cur.Premium == result.Premium && cur.Installments == installments) return (null, result);
        var row = new AssessmentRow
        {
            TenantId = tenantId, FiscalYear = fiscalYear, AddresseeNumber = x.AddresseeNumber, Revision = (x.Current?.Revision ?? 0) + 1, IsCurrent = true,
            Kind = x.Current is not null ? AssessmentKinds.Revision : runId is not null ? AssessmentKinds.Annual : AssessmentKinds.Initial,
            RunId = runId, OrdinanceVersion = ordinance.Version, Stage = result.Stage, Months = result.Months.Count, AnnualPremium = result.Premium,
            Reduction = result.Reductions.Sum(l => l.Amount), Collection = result.Collection, Installments = installments,
            Detail = CareJson.Write(result with { Installments = [] }),
            FebruarySpecial = result.Installments.FirstOrDefault(i => i.Month == 2 && i.Method == CollectionMethods.Special)?.Amount,
            Cause = cause, ComputedAt = now, ComputedBy = actor,
        };
        return (row, result);
    }
}
