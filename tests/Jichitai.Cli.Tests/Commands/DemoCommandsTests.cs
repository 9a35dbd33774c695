using Jichitai.Platform.Demo;
using Jichitai.Platform.Persistence;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;

namespace Jichitai.Cli.Tests.Commands;

public class DemoCommandsTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seed_PrintsTheAccounts_AndIsIdempotent(DatabaseProvider provider)
    {
        await using var host = await CliTestHost.CreateAsync(provider, migrate: false);
        var first = await host.RunAsync("demo", "seed");
        Assert.True(first.ExitCode == 0, first.ToString());
        foreach (var (userName, _, _) in DemoSeeder.Accounts) Assert.Contains(userName, first.Stdout);
        Assert.Contains(DemoSeeder.Password, first.Stdout);
        Assert.Contains("user totp", first.Stdout);

        var second = await host.RunAsync("demo", "seed");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(DemoSeeder.Accounts.Count, await host.QueryAsync(db => db.Users.CountAsync()));
        Assert.Equal(1, await host.QueryAsync(db => db.Tenants.CountAsync()));
    }
}
