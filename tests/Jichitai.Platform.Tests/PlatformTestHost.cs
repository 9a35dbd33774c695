using Jichitai.Platform;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jichitai.Platform.Tests;

/// <summary>The platform's services over a fresh test database, as the server and the CLI wire them.</summary>
public sealed class PlatformTestHost : IAsyncDisposable
{
    public TestDatabase Database { get; }
    public ServiceProvider Services { get; }
    public static readonly AuditActor Actor = new(null, "test", "127.0.0.1");

    private PlatformTestHost(TestDatabase database)
    {
        Database = database;
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddDataProtection();
        services.AddJichitaiPlatform(database.Settings);
        Services = services.BuildServiceProvider();
    }

    public static async Task<PlatformTestHost> CreateAsync(DatabaseProvider provider) => new(await TestDatabase.CreateAsync(provider));

    /// <summary>A DI scope whose unit of work is bound to <paramref name="scope"/>.</summary>
    public AsyncServiceScope Scope(TenantScope scope)
    {
        var s = Services.CreateAsyncScope();
        s.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = scope;
        return s;
    }

    public async Task<Tenant> CreateTenantAsync(string code, string name)
    {
        await using var s = Scope(TenantScope.System);
        return await s.ServiceProvider.GetRequiredService<TenantService>().CreateAsync(new TenantDraft(code, name), Actor);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
