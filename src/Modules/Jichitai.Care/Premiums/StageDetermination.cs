using Jichitai.Care.Ordinance;

namespace Jichitai.Care.Premiums;

/// <summary>A person's tax data for the year (as imported from the 住民税 system).</summary>
public sealed record IncomeFacts(long TotalIncome, long TaxablePensionIncome, long OtherIncome, bool Taxable, bool PublicAssistance = false, bool OldAgeWelfarePension = false)
{
    /// <summary>施行令38条1項: 課税年金収入額 + その他の合計所得金額 (a loss counts as 0).</summary>
    public long PensionAndOtherIncome => TaxablePensionIncome + Math.Max(0, OtherIncome);
}

public sealed record StageDecision(StageDefinition Stage, string Why, bool Undeclared);

/// <summary>所得段階の判定 (介護保険法129条, 施行令38条・39条) over a tenant's stage table.</summary>
public static class StageDetermination
{
    /// <param name="person">The person's tax data, or null when none was provided (未申告).</param>
    /// <param name="householdTaxable">Someone in the person's household on the 基準日 is 住民税課税.</param>
    public static StageDecision Determine(OrdinanceParameters p, IncomeFacts? person, bool householdTaxable)
    {
        if (person is null)
            return new(p.Stage(p.UndeclaredStage), $"所得の状況が確認できない(未申告等)ため、{p.Stage(p.UndeclaredStage).Label}として算定しています。申告があれば更正します。", true);
        // 施行令38条1項1号: 生活保護受給者, and 老齢福祉年金受給者 in a non-taxable household.
        if (person.PublicAssistance || (person.OldAgeWelfarePension && !person.Taxable && !householdTaxable))
        {
            var stage = p.Stages.First(s => s.IncludesPublicAssistance);
            return new(stage, person.PublicAssistance ? "生活保護を受けているため" : "老齢福祉年金を受けていて、世帯全員が住民税非課税のため", false);
        }
        var scope = person.Taxable ? StageScope.PersonTaxable : householdTaxable ? StageScope.HouseholdTaxable : StageScope.HouseholdNonTaxable;
        var measure = person.Taxable ? person.TotalIncome : person.PensionAndOtherIncome;
        var inScope = ByScope.GetValue(p, Group)[scope];
        var match = inScope.First(s => s.UpperBound is not { } bound || (s.UpperInclusive ? measure <= bound : measure < bound));
        return new(match, Why(scope, measure, match, inScope), false);
    }

    private static string Why(StageScope scope, long measure, StageDefinition stage, List<StageDefinition> inScope)
    {
        var who = scope switch
        {
            StageScope.HouseholdNonTaxable => "世帯全員が住民税非課税で",
            StageScope.HouseholdTaxable => "本人は住民税非課税、世帯に課税の方がいて",
            _ => "本人が住民税課税で",
        };
        var what = scope == StageScope.PersonTaxable ? "合計所得金額" : "課税年金収入額とその他の合計所得金額の合計";
        var index = inScope.IndexOf(stage);
        var lower = index > 0 ? inScope[index - 1] : null;
        var range = (lower?.UpperBound, stage.UpperBound) switch
        {
            (null, null) => "",
            (null, { } upper) => $"{Yen(upper)}{(stage.UpperInclusive ? "以下" : "未満")}",
            ({ } from, null) => $"{Yen(from)}{(lower!.UpperInclusive ? "を超える" : "以上")}",
            ({ } from, { } upper) => $"{Yen(from)}{(lower!.UpperInclusive ? "を超え" : "以上")}{Yen(upper)}{(stage.UpperInclusive ? "以下" : "未満")}",
        };
        return range.Length == 0 ? $"{who}あるため" : $"{who}、{what}({Yen(measure)})が{range}のため";
    }

    internal static string Yen(long amount) => $"{amount:N0}円";

    // One run assesses everyone with the same parameters: group the stages once per parameters object.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<OrdinanceParameters, Dictionary<StageScope, List<StageDefinition>>> ByScope = new();

    private static Dictionary<StageScope, List<StageDefinition>> Group(OrdinanceParameters p) =>
        Enum.GetValues<StageScope>().ToDictionary(s => s, s => p.Stages.Where(x => x.Scope == s).OrderBy(x => x.Number).ToList());
}
