using Jichitai.Platform;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Movements;
using Jichitai.Registry.Persistence;
using Jichitai.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Jichitai.Registry.Tests;

/// <summary>The platform and the registry module over a fresh test database, with the clock fixed in Japan time.</summary>
public sealed class RegistryTestHost : IAsyncDisposable
{
    public static readonly AuditActor Clerk = new(Guid.NewGuid(), "test-clerk", "127.0.0.1");
    /// <summary>"Today" of every registry test: 2026-11-26 (JST).</summary>
    public static readonly DateOnly Today = new(2026, 11, 26);

    public TestDatabase Database { get; }
    public ServiceProvider Services { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));

    private RegistryTestHost(TestDatabase database)
    {
        Database = database;
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddDataProtection();
        services.AddJichitaiPlatform(database.Settings);
        services.AddRegistryModule();
        services.AddSingleton<TimeProvider>(Clock);
        Services = services.BuildServiceProvider();
    }

    public static async Task<RegistryTestHost> CreateAsync(DatabaseProvider provider) => new(await TestDatabase.CreateAsync(provider));

    public async Task<Tenant> CreateTenantAsync(string code = "131016", string name = "千代田区")
    {
        await using var s = Services.CreateAsyncScope();
        s.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.System;
        return await s.ServiceProvider.GetRequiredService<TenantService>().CreateAsync(new TenantDraft(code, name), Clerk);
    }

    /// <summary>Calls a registry service resolved in a DI scope bound to <paramref name="tenant"/>, as its staff would.</summary>
    public async Task<T> AsTenant<TService, T>(Tenant tenant, Func<TService, Task<T>> call) where TService : notnull
    {
        await using var s = Services.CreateAsyncScope();
        s.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.ForTenant(tenant.Id);
        return await call(s.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Runs one movement feature as a clerk of <paramref name="tenant"/>.</summary>
    public async Task<MovementResult> RunAsync<T>(Tenant tenant, Func<MovementSession, T, CancellationToken, Task<MovementDraft>> feature, T request, string? idempotencyKey = null)
    {
        return await AsTenant(tenant, (RegistryMovements m) => m.ExecuteAsync(idempotencyKey, Clerk, (x, c) => feature(x, request, c), CancellationToken.None));
    }

    public async Task<ResidentDetail> GetAsync(Tenant tenant, string addresseeNumber, DateOnly? asOf = null, bool personalNumber = false)
    {
        return await AsTenant(tenant, (ResidentQueries q) => q.GetAsync(addresseeNumber, asOf, Clerk, personalNumber, null, CancellationToken.None));
    }

    public async Task<IReadOnlyList<ResidentSummary>> SearchAsync(Tenant tenant, ResidentSearchRequest request, bool personalNumber = false)
    {
        return await AsTenant(tenant, (ResidentQueries q) => q.SearchAsync(request, Clerk, personalNumber, CancellationToken.None));
    }

    /// <summary>Row counts of every registry table (System scope): proof that a refused request wrote nothing.</summary>
    public async Task<(int Residents, int Households, int Movements, int Versions)> CountsAsync()
    {
        await using var db = RegistryDatabase.Create(Database.Settings.Database, TenantScope.System);
        return (db.Residents.Count(), db.Households.Count(), db.Movements.Count(), db.ResidentVersions.Count());
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
