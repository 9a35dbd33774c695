using Jichitai.Care.Assessment;
using Jichitai.Care.Ordinance;
using Jichitai.Care.Persistence;
using Jichitai.Care.Premiums;
using Jichitai.Care.Qualification;
using Jichitai.Care.Reductions;
using Jichitai.Care.Tests.Premiums;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Care.Tests.Assessment;

/// <summary>
/// The golden data set: hand-computed premiums for a 13-stage city (national standard, 基準額 74,400円) and a 16-stage city
/// (基準額 80,000円, 10円四捨五入) assessed in the same database, then 更正 by 減免 and by 取消, and an idempotent re-run.
/// </summary>
public sealed class GoldenRunTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ThirteenAndSixteenStageCities_HandComputedPremiums(DatabaseProvider provider)
    {
        await using var host = await CareTestHost.CreateAsync(provider);
        var a = await host.CreateTenantAsync("131016", "千代田区");
        var b = await host.CreateTenantAsync("141003", "横浜市");
        await host.AsTenant<OrdinanceService>(b, s => s.SaveAsync(b.Id, 2026, GoldenData.SixteenStages(), "条例改正(16段階)", CareTestHost.Officer, default));

        // City A (13 stages)
        await host.PersonAsync(a, "1001", D(1950, 1, 1), household: "A1");               // taxable 250万 → 第8段階 111,600
        await host.IncomeAsync(a, 2026, "1001", 2_500_000, 0, 0, taxable: true);
        await host.PersonAsync(a, "1002", D(1950, 1, 1), household: "A2");               // 80万 exactly → 第1段階 21,200
        await host.IncomeAsync(a, 2026, "1002", 0, 700_000, 100_000, taxable: false);
        await host.PersonAsync(a, "1003", D(1950, 1, 1), household: "A3");               // 80万1円 → 第2段階 36,000
        await host.IncomeAsync(a, 2026, "1003", 0, 700_001, 100_000, taxable: false);
        await host.PersonAsync(a, "1004", D(1950, 1, 1), household: "A4");               // 80万, taxable son → 第4段階 66,900
        await host.IncomeAsync(a, 2026, "1004", 0, 800_000, 0, taxable: false);
        await host.PersonAsync(a, "1005", D(1990, 1, 1), household: "A4");               // the son: 35, not insured
        await host.IncomeAsync(a, 2026, "1005", 4_000_000, 0, 0, taxable: true);
        await host.PersonAsync(a, "1006", D(1961, 12, 1), household: "A6");              // 65 on 2026-11-30 → 5/12 of 74,400 = 31,000
        await host.IncomeAsync(a, 2026, "1006", 0, 1_500_000, 0, taxable: false);
        await host.IncomeAsync(a, 2026, "1016", 3_000_000, 0, 0, taxable: true);
        await host.PersonAsync(a, "1016", D(1992, 1, 1), household: "A6");
        await host.PersonAsync(a, "1007", D(1961, 4, 1), household: "A7");               // born 1 April: whole year; no tax data → 第5段階 74,400
        await host.PersonAsync(a, "1008", D(1950, 1, 1), household: "A8", status: "除票", removedOn: D(2026, 9, 10), removalReason: "死亡"); // Apr–Aug: 31,000
        await host.IncomeAsync(a, 2026, "1008", 0, 1_500_000, 0, taxable: false);
        await host.IncomeAsync(a, 2026, "1018", 2_000_000, 0, 0, taxable: true);
        await host.PersonAsync(a, "1018", D(1985, 1, 1), household: "A8");
        await host.PersonAsync(a, "1009", D(1956, 1, 1), residentFrom: D(2026, 9, 5), residentReason: "転入", household: "A9"); // 7 months of 89,200 = 52,000
        await host.IncomeAsync(a, 2026, "1009", 1_000_000, 0, 0, taxable: true);
        await host.PersonAsync(a, "1010", D(1950, 1, 1), residentFrom: D(2026, 11, 3), household: "A10", status: "除票", removedOn: D(2026, 11, 20), removalReason: "転出"); // same month: nothing
        await host.PersonAsync(a, "1011", D(1950, 1, 1), household: "A11", status: "除票", removedOn: D(2026, 9, 10), removalReason: "転出"); // 住所地特例 → whole year
        await host.IncomeAsync(a, 2026, "1011", 0, 1_500_000, 0, taxable: false);
        await host.IncomeAsync(a, 2026, "1021", 2_000_000, 0, 0, taxable: true);
        await host.PersonAsync(a, "1021", D(1985, 1, 1), household: "A11");
        await host.AsTenant<QualificationService>(a, s => s.SetStatusesAsync(a.Id, "1011", StatusKind.AddressException, [new StatusPeriod(D(2026, 9, 10), null, "特別養護老人ホーム(川崎市)")], "施設入所に伴う住所地特例", CareTestHost.Officer, default));
        await host.PersonAsync(a, "1012", D(1950, 1, 1), household: "A12");              // 仮徴収 → 本徴収
        await host.IncomeAsync(a, 2025, "1012", 0, 1_500_000, 0, taxable: false);
        await host.IncomeAsync(a, 2026, "1012", 2_500_000, 0, 0, taxable: true);
        await host.PensionAsync(a, 2025, "1012", 1_200_000);
        await host.PensionAsync(a, 2026, "1012", 1_200_000);
        await host.PersonAsync(a, "1013", D(1950, 1, 1), household: "A13");              // 減免 after the run
        await host.IncomeAsync(a, 2026, "1013", 0, 1_500_000, 0, taxable: false);
        await host.IncomeAsync(a, 2026, "1023", 2_000_000, 0, 0, taxable: true);
        await host.PersonAsync(a, "1023", D(1985, 1, 1), household: "A13");

        // City B (16 stages)
        await host.PersonAsync(b, "2001", D(1950, 1, 1), household: "B1");               // 1,200万 → 第14段階 2.6 × 80,000 = 208,000
        await host.IncomeAsync(b, 2026, "2001", 12_000_000, 0, 0, taxable: true);
        await host.PersonAsync(b, "2002", D(1950, 1, 1), household: "B2");               // 100万 → 第2段階 0.485 × 80,000 = 38,800
        await host.IncomeAsync(b, 2026, "2002", 0, 1_000_000, 0, taxable: false);

        // 2025: the basis of 1012's 仮徴収. Alone and non-taxable with 150万 → 第3段階 50,900; new to 特別徴収: 普通徴収 7–9月 and
        // 本徴収 10・12・2月, 50,900 / 6 → 8,400 each (the first takes 8,900).
        var y2025 = await host.AsTenant<AssessmentRuns, AssessmentRunRow>(a, r => r.RunAsync(a.Id, 2025, CareTestHost.Officer, null, default));
        Assert.Equal(RunState.Completed, y2025.State);
        var runA = await host.AsTenant<AssessmentRuns, AssessmentRunRow>(a, r => r.RunAsync(a.Id, 2026, CareTestHost.Officer, null, default));
        var runB = await host.AsTenant<AssessmentRuns, AssessmentRunRow>(b, r => r.RunAsync(b.Id, 2026, CareTestHost.Officer, null, default));

        var premiums = await Current(host, a, 2026);
        Assert.Equal(new Dictionary<string, (int, long)>
        {
            ["1001"] = (8, 111_600), ["1002"] = (1, 21_200), ["1003"] = (2, 36_000), ["1004"] = (4, 66_900), ["1006"] = (5, 31_000),
            ["1007"] = (5, 74_400), ["1008"] = (5, 31_000), ["1009"] = (6, 52_000), ["1011"] = (5, 74_400), ["1012"] = (8, 111_600), ["1013"] = (5, 74_400),
        }, premiums.ToDictionary(x => x.Key, x => (x.Value.Stage, x.Value.AnnualPremium)));
        Assert.Equal(new Dictionary<string, (int, long)> { ["2001"] = (14, 208_000), ["2002"] = (2, 38_800) },
            (await Current(host, b, 2026)).ToDictionary(x => x.Key, x => (x.Value.Stage, x.Value.AnnualPremium)));

        // 仮徴収 at last February's 8,400; 本徴収 (111,600 − 25,200) / 3 = 28,800.
        var split = CareJson.Read<List<Installment>>(premiums["1012"].Installments);
        Assert.Equal([(4, 8_400L), (6, 8_400), (8, 8_400), (10, 28_800), (12, 28_800), (2, 28_800)], split.Select(i => (i.Month, i.Amount)));
        Assert.Equal(CollectionMethods.Special, premiums["1012"].Collection);
        // City B's 納期 are June to March (10 期): 38,800 / 10 → 3,880 each.
        var b2 = CareJson.Read<List<Installment>>((await Current(host, b, 2026))["2002"].Installments);
        Assert.Equal(10, b2.Count);
        Assert.Equal(6, b2[0].Month);

        // Run summary: persons and premium per stage.
        var totals = RunTotals.FromJson(runA.Totals);
        Assert.Equal(11, totals.Persons);
        Assert.Equal(premiums.Values.Sum(p => p.AnnualPremium), totals.Premium);
        Assert.Equal(5, totals.Stages[5].Persons); // 1006, 1007, 1008, 1011, 1013
        Assert.Equal(1, runB.OrdinanceVersion); // the 16-stage version saved above
        Assert.Equal(0, runA.OrdinanceVersion);

        // 減免 (災害, 50%, October–March), entered by one officer and approved by another → 更正 55,800.
        var application = await host.AsTenant<ReductionService, ReductionRow>(a, s => s.ApplyAsync(a.Id, new ReductionApplication("1013", 2026, "DISASTER", 10, 3, "台風による床上浸水"), CareTestHost.Officer, default));
        var same = await Assert.ThrowsAsync<Jichitai.Platform.Errors.DomainException>(() => host.AsTenant<ReductionService, ReductionRow>(a, s => s.DecideAsync(a.Id, application.Id, true, null, CareTestHost.Officer, default)));
        Assert.Contains("別の職員", same.Message);
        await host.AsTenant<ReductionService, ReductionRow>(a, s => s.DecideAsync(a.Id, application.Id, true, "罹災証明書確認", CareTestHost.SecondOfficer, default));
        var reduced = (await Current(host, a, 2026))["1013"];
        Assert.Equal((2, AssessmentKinds.Revision, 55_800L, 18_600L), (reduced.Revision, reduced.Kind, reduced.AnnualPremium, reduced.Reduction));
        // Installments billed by November (7月〜11月: 8,800 + 4 × 8,200 = 41,600) stay; December–March carry the rest: 14,200 / 4 = 3,550 → 3,500 (+200 on the first).
        var after = CareJson.Read<List<Installment>>(reduced.Installments);
        Assert.Equal([8_800L, 8_200, 8_200, 8_200, 8_200, 3_700, 3_500, 3_500, 3_500], after.Select(i => i.Amount));

        // 取消 of 1003's qualification → 更正 to 0, billed installments kept, the rest refunded.
        await host.AsTenant<QualificationService>(a, s => s.CancelAsync(a.Id, "1003", "誤って資格を記録したため", CareTestHost.Officer, default));
        var cancelled = (await Current(host, a, 2026))["1003"];
        Assert.Equal((AssessmentKinds.Revision, 0L), (cancelled.Kind, cancelled.AnnualPremium));

        // A re-run with unchanged inputs writes nothing.
        var rows = await CountAsync(host, a);
        var again = await host.AsTenant<AssessmentRuns, AssessmentRunRow>(a, r => r.RunAsync(a.Id, 2026, CareTestHost.Officer, null, default));
        Assert.Equal(0, again.Changed);
        Assert.Equal(rows, await CountAsync(host, a));

        // Nothing of city A is visible to city B.
        await using var dbB = host.Db(b);
        Assert.DoesNotContain(await dbB.Assessments.Select(x => x.AddresseeNumber).ToListAsync(), n => n.StartsWith('1'));
    }

    private static async Task<Dictionary<string, AssessmentRow>> Current(CareTestHost host, Jichitai.Platform.Tenancy.Tenant t, int year)
    {
        await using var db = host.Db(t);
        return await db.Assessments.AsNoTracking().Where(x => x.FiscalYear == year && x.IsCurrent).ToDictionaryAsync(x => x.AddresseeNumber);
    }

    private static async Task<int> CountAsync(CareTestHost host, Jichitai.Platform.Tenancy.Tenant t)
    {
        await using var db = host.Db(t);
        return await db.Assessments.CountAsync();
    }
}
