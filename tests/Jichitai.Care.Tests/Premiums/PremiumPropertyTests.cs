using CsCheck;
using Jichitai.Care.Ordinance;
using Jichitai.Care.Premiums;
using Jichitai.Care.Qualification;

namespace Jichitai.Care.Tests.Premiums;

/// <summary>Invariants over random people, incomes, dates and ordinances.</summary>
public sealed class PremiumPropertyTests
{
    private static readonly Gen<DateOnly> Day = Gen.Int[0, 3 * 365].Select(d => new DateOnly(2025, 6, 1).AddDays(d));
    private static readonly Gen<IncomeFacts?> Income =
        Gen.Select(Gen.Long[-1_000_000, 30_000_000], Gen.Long[0, 5_000_000], Gen.Long[-500_000, 5_000_000], Gen.Bool, Gen.Int[0, 20])
            .Select((t, p, o, tax, k) => k == 0 ? null : new IncomeFacts(t, p, o, tax, PublicAssistance: k == 1));
    private static readonly Gen<QualificationPeriod> Period =
        Gen.Select(Day, Gen.Int[0, 800], Gen.Bool).Select((from, length, open) => new QualificationPeriod(from, "x", open ? null : from.AddDays(length + 1), open ? null : "y"));
    private static readonly Gen<CollectionFacts?> Collection =
        Gen.Select(Gen.Long[0, 3_000_000], Gen.Long[0, 40_000], Gen.Int[0, 3]).Select((pension, feb, k) =>
            k == 0 ? null : new CollectionFacts(pension, k == 1 ? null : feb, k != 3, new FiscalMonth(2026, 4)));
    private static readonly Gen<OrdinanceParameters> Ordinance = Gen.Int[0, 1].Select(i => i == 0 ? GoldenData.National : GoldenData.SixteenStages());

    [Fact]
    public void InstallmentsAddUpToThePremium_AndMonthsNeverExceedTwelve() =>
        Gen.Select(Ordinance, Income, Gen.Bool, Period, Collection).Sample((p, income, householdTaxable, period, collection) =>
        {
            var r = PremiumCalculator.Compute(p, new PremiumInput(2026, [period], income, householdTaxable, collection, []));
            Assert.InRange(r.Months.Count, 0, 12);
            Assert.True(r.Premium >= 0);
            Assert.Equal(r.Premium + r.Refund, r.Installments.Sum(i => i.Amount));
            Assert.All(r.Installments, i => Assert.True(i.Amount >= 0));
            if (r.Months.Count == 0) Assert.Equal(0, r.Premium);
            Assert.True(r.Premium <= r.FullYearPremium);
        }, iter: 5_000);

    [Fact]
    public void RevisionKeepsTheBilledInstallments_AndStillAddsUp() =>
        Gen.Select(Ordinance, Income, Income, Period, Gen.Int[0, 11]).Sample((p, before, after, period, monthIndex) =>
        {
            var first = PremiumCalculator.Compute(p, new PremiumInput(2026, [period], before, false, null, []));
            var decidedIn = FiscalMonths.All(2026).ElementAt(monthIndex);
            var revised = PremiumCalculator.Compute(p, new PremiumInput(2026, [period], after, true, null, []), (first.Installments, decidedIn));
            foreach (var billed in first.Installments.Where(i => i.When <= decidedIn))
                Assert.Equal(billed.Amount, revised.Installments.Where(i => i.When == billed.When).Sum(i => i.Amount));
            Assert.Equal(revised.Premium + revised.Refund, revised.Installments.Sum(i => i.Amount));
        }, iter: 3_000);

    [Fact]
    public void HigherIncomeNeverLowersTheStage() =>
        Gen.Select(Ordinance, Gen.Long[-1_000_000, 30_000_000], Gen.Long[0, 5_000_000], Gen.Bool).Sample((p, total, more, taxable) =>
        {
            var low = StageDetermination.Determine(p, new IncomeFacts(total, total < 0 ? 0 : total, 0, taxable), true).Stage.Number;
            var high = StageDetermination.Determine(p, new IncomeFacts(total + more, (total < 0 ? 0 : total) + more, 0, taxable), true).Stage.Number;
            Assert.True(high >= low);
        }, iter: 5_000);
}
