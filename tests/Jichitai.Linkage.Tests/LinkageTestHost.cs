using System.Text.Json.Nodes;
using Jichitai.Linkage.Consumers;
using Jichitai.Linkage.Delivery;
using Jichitai.Linkage.Persistence;
using Jichitai.Platform;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Linkage;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry;
using Jichitai.Registry.Features.MoveIn;
using Jichitai.Registry.Features.Relocation;
using Jichitai.Registry.Movements;
using Jichitai.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jichitai.Linkage.Tests;

/// <summary>The platform, the registry (the source of events) and the linkage module over a fresh test database.</summary>
public sealed class LinkageTestHost : IAsyncDisposable
{
    public static readonly AuditActor Admin = new(Guid.NewGuid(), "test-it-staff", "127.0.0.1");
    public TestDatabase Database { get; }
    public ServiceProvider Services { get; }
    public LinkageOptions Options { get; }

    private LinkageTestHost(TestDatabase database, Action<IServiceCollection>? extra)
    {
        Database = database;
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddDataProtection();
        services.AddJichitaiPlatform(database.Settings);
        services.AddRegistryModule();
        services.AddLinkageModule();
        extra?.Invoke(services);
        Services = services.BuildServiceProvider();
        Options = Services.GetRequiredService<LinkageOptions>();
        // Fast enough for tests: short lease, short backoff.
        Options.LeaseDuration = TimeSpan.FromSeconds(2);
        Options.AttemptBaseDelay = TimeSpan.FromMilliseconds(50);
        Options.MaxBackoff = TimeSpan.FromMilliseconds(200);
        Options.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        Options.RequestTimeout = TimeSpan.FromSeconds(5);
        Options.PollInterval = TimeSpan.FromMilliseconds(50);
    }

    public static async Task<LinkageTestHost> CreateAsync(DatabaseProvider provider, Action<IServiceCollection>? extra = null) =>
        new(await TestDatabase.CreateAsync(provider), extra);

    public async Task<Tenant> CreateTenantAsync(string code = "131016", string name = "千代田区")
    {
        await using var s = Services.CreateAsyncScope();
        s.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.System;
        return await s.ServiceProvider.GetRequiredService<TenantService>().CreateAsync(new TenantDraft(code, name), Admin);
    }

    public async Task<T> AsTenant<TService, T>(Tenant tenant, Func<TService, Task<T>> call) where TService : notnull
    {
        await using var s = Services.CreateAsyncScope();
        s.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.ForTenant(tenant.Id);
        return await call(s.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<ConsumerCreated> AddConsumerAsync(Tenant tenant, ConsumerRequest request) =>
        AsTenant(tenant, (ConsumerService c) => c.CreateAsync(tenant.Id, request, Admin, default));

    public ConsumerService Consumers => Services.CreateScope().ServiceProvider.GetRequiredService<ConsumerService>();

    /// <summary>転入 of a family of three.</summary>
    public async Task<MovementResult> MoveInFamilyAsync(Tenant tenant, string family = "山田", string kana = "ヤマダ", string? personalNumber = null, string block = "1番1号")
    {
        var request = new MoveInRequest
        {
            Header = new MovementHeader { EffectiveOn = new DateOnly(2026, 11, 20), NotifiedOn = new DateOnly(2026, 11, 20) },
            Kind = "通常",
            Address = new AddressInput { PostalCode = "100-0001", Town = "千代田区千代田", BlockNumber = block },
            PreviousAddress = new PreviousAddressInput { Text = "神奈川県川崎市川崎区宮本町1番地", CertificateIssuer = "川崎市" },
            Members =
            [
                Person(family, "太郎", kana, "タロウ", new DateOnly(1980, 5, 1), "男", "世帯主", personalNumber),
                Person(family, "花子", kana, "ハナコ", new DateOnly(1982, 7, 7), "女", "妻"),
                Person(family, "一郎", kana, "イチロウ", new DateOnly(2010, 1, 15), "男", "子"),
            ],
        };
        return await AsTenant(tenant, (RegistryMovements m) => m.ExecuteAsync(null, Admin, (s, c) => MoveInHandler.HandleAsync(s, request, c), default));
    }

    /// <summary>転居 of a whole household to another 番地.</summary>
    public Task<MovementResult> RelocateAsync(Tenant tenant, string householdNumber, string block) =>
        AsTenant(tenant, (RegistryMovements m) => m.ExecuteAsync(null, Admin, (s, c) => RelocationHandler.HandleAsync(s, new RelocationRequest
        {
            Header = new MovementHeader { EffectiveOn = new DateOnly(2026, 11, 25), NotifiedOn = new DateOnly(2026, 11, 25) },
            HouseholdNumber = householdNumber,
            Address = new AddressInput { PostalCode = "100-0001", Town = "千代田区千代田", BlockNumber = block },
        }, c), default));

    private static PersonInput Person(string family, string given, string kana, string givenKana, DateOnly birth, string gender, string relationship, string? personalNumber = null) => new()
    {
        FamilyName = family, GivenName = given, FamilyNameKana = kana, GivenNameKana = givenKana, BirthDate = birth, Gender = gender,
        Relationship = relationship, PersonalNumber = personalNumber, Domicile = "東京都千代田区千代田1番", DomicileHead = family + given,
    };

    public async Task<List<IntegrationEvent>> EventsAsync(Tenant tenant)
    {
        await using var db = PlatformDatabase.Create(Database.Settings.Database, TenantScope.ForTenant(tenant.Id));
        return await db.IntegrationEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    public async Task<ConsumerRow> ConsumerAsync(long id)
    {
        await using var db = LinkageDatabase.Create(Database.Settings.Database, TenantScope.System);
        return await db.Consumers.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    /// <summary>A second dispatcher as another server process would have (own lease name), over the same database.</summary>
    public LinkageDispatcher NewDispatcher() => ActivatorUtilities.CreateInstance<LinkageDispatcher>(Services);

    /// <summary>Runs a dispatcher until <paramref name="done"/> holds or the time runs out.</summary>
    public static async Task RunUntilAsync(LinkageDispatcher dispatcher, Func<Task<bool>> done, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        var run = dispatcher.RunAsync(cts.Token);
        try
        {
            while (!await done())
            {
                if (cts.IsCancellationRequested) throw new TimeoutException("the dispatcher did not finish in time");
                await Task.Delay(50);
            }
        }
        finally
        {
            await cts.CancelAsync();
            await run;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
