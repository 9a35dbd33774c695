using Jichitai.Platform.Persistence;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;
using static Jichitai.Care.Tests.Income.ImportFiles;

namespace Jichitai.Care.Tests.Income;

public class PensionImportTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pensions_Land_AndReplaceOnlyThePeopleInTheFile(DatabaseProvider provider)
    {
        await using var host = await CareTestHost.CreateAsync(provider);
        var tenant = await host.CreateTenantAsync();
        await host.PersonAsync(tenant, "1", new DateOnly(1950, 1, 1));
        await host.PersonAsync(tenant, "2", new DateOnly(1950, 1, 1));
        var first = await host.ImportPensionAsync(tenant, Utf8(PensionHeader, "1,001,1200000", "2,001,800000"));

        var second = await host.ImportPensionAsync(tenant, Cp932(PensionHeader, "2,003,0"), "cp932");

        Assert.True(first.Succeeded && second.Succeeded, Describe(first) + Describe(second));
        await using var db = host.Db(tenant);
        var rows = await db.Pensions.OrderBy(p => p.AddresseeNumber).ToListAsync();
        Assert.Equal([("1", "001", 1200000L, first.ImportId!.Value), ("2", "003", 0L, second.ImportId!.Value)],
            rows.Select(r => (r.AddresseeNumber, r.InsurerCode, r.AnnualPension, r.ImportId)));
        Assert.Equal(["pension", "pension"], await db.Imports.OrderBy(i => i.Id).Select(i => i.Kind).ToListAsync());
    }
}
