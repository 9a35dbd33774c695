using Jichitai.Care.Persistence;
using Jichitai.Care.Qualification;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Care.Tests.Qualification;

/// <summary>標準 0230268: 修正 wins over the registry until 回復; every change needs a reason and is kept in the history.</summary>
public sealed class OfficerCorrectionTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Correction_WinsUntilRestored(DatabaseProvider provider)
    {
        await using var host = await CareTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        await host.PersonAsync(tenant, "5001", new DateOnly(1955, 5, 5));
        var derived = new QualificationPeriod(new DateOnly(2020, 5, 4), QualificationRules.Reached65, null, null);
        Assert.Equal([derived], await PeriodsAsync(host, tenant));

        var missingReason = await Assert.ThrowsAsync<DomainException>(() => host.AsTenant<QualificationService>(tenant, s =>
            s.CorrectAsync(tenant.Id, "5001", [derived with { AcquiredOn = new DateOnly(2020, 6, 1) }], " ", CareTestHost.Officer, default)));
        Assert.Equal("reason", missingReason.Field);
        var overlapping = await Assert.ThrowsAsync<DomainException>(() => host.AsTenant<QualificationService>(tenant, s => s.CorrectAsync(tenant.Id, "5001",
            [new QualificationPeriod(new DateOnly(2020, 6, 1), "転入", new DateOnly(2021, 1, 1), "転出"), new QualificationPeriod(new DateOnly(2020, 12, 1), "転入", null, null)],
            "転入日の誤り", CareTestHost.Officer, default)));
        Assert.Contains("重なって", overlapping.Message);

        var corrected = new QualificationPeriod(new DateOnly(2020, 6, 1), "転入", null, null);
        await host.AsTenant<QualificationService>(tenant, s => s.CorrectAsync(tenant.Id, "5001", [corrected], "転入日の誤り(届出書で確認)", CareTestHost.Officer, default));
        Assert.Equal([corrected], await PeriodsAsync(host, tenant));

        await host.AsTenant<QualificationService>(tenant, s => s.RestoreAsync(tenant.Id, "5001", "住民記録の訂正済み", CareTestHost.Officer, default));
        Assert.Equal([derived], await PeriodsAsync(host, tenant));

        await using var db = host.Db(tenant);
        var kinds = await db.QualificationChanges.AsNoTracking().Where(h => h.AddresseeNumber == "5001").OrderBy(h => h.Id).Select(h => new { h.Kind, h.Reason }).ToListAsync();
        Assert.Equal(["自動", "修正", "回復"], kinds.Select(k => k.Kind));
        Assert.Equal("転入日の誤り(届出書で確認)", kinds[1].Reason);
    }

    private static async Task<List<QualificationPeriod>> PeriodsAsync(CareTestHost host, Jichitai.Platform.Tenancy.Tenant tenant)
    {
        await using var db = host.Db(tenant);
        return CareJson.Read<List<QualificationPeriod>>((await db.Insured.AsNoTracking().SingleAsync(i => i.AddresseeNumber == "5001")).Periods);
    }
}
