using Jichitai.Linkage;
using Jichitai.Linkage.Consumers;
using Jichitai.Linkage.Persistence;
using Jichitai.Platform;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Registry;
using Jichitai.Registry.Features.MoveIn;
using Jichitai.Registry.Features.Relocation;
using Jichitai.Registry.Movements;
using Jichitai.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jichitai.Bench;

/// <summary>A fresh database with the platform, the registry (the source of events) and the linkage module, and one tenant (id 1).</summary>
internal sealed class LinkageBenchHost : IAsyncDisposable
{
    public static readonly AuditActor Staff = new(null, "bench-住記担当", "127.0.0.1");
    public TestDatabase Database { get; }
    public ServiceProvider Services { get; }
    public int TenantId { get; private set; }

    private LinkageBenchHost(TestDatabase database)
    {
        Database = database;
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
        services.AddDataProtection();
        services.AddJichitaiPlatform(database.Settings);
        services.AddRegistryModule();
        services.AddLinkageModule(); // LinkageOptions defaults (no configuration)
        Services = services.BuildServiceProvider();
    }

    public static async Task<LinkageBenchHost> CreateAsync(DatabaseProvider provider, int? batchSize)
    {
        var host = new LinkageBenchHost(await TestDatabase.CreateAsync(provider));
        if (batchSize is int b) host.Services.GetRequiredService<Jichitai.Linkage.Delivery.LinkageOptions>().BatchSize = b;
        await using var s = host.Services.CreateAsyncScope();
        s.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.System;
        host.TenantId = (await s.ServiceProvider.GetRequiredService<TenantService>().CreateAsync(new TenantDraft("131016", "架空市"), AuditActor.Cli())).Id;
        return host;
    }

    public async Task<T> AsTenant<TService, T>(Func<TService, Task<T>> call) where TService : notnull
    {
        await using var s = Services.CreateAsyncScope();
        s.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.ForTenant(TenantId);
        return await call(s.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<ConsumerCreated> AddWebhookConsumerAsync(string name, Uri url, IReadOnlyList<string> items, long? startAfter) =>
        AsTenant((ConsumerService c) => c.CreateAsync(TenantId, new ConsumerRequest(name, ConsumerKind.Webhook, items, WebhookUrl: url.ToString(), StartAfter: startAfter), Staff, default));

    public DateOnly Today => JapanTime.Today(Services.GetRequiredService<TimeProvider>());

    /// <summary>転入 of a family of three (as the counter enters it).</summary>
    public Task<MovementResult> MoveInFamilyAsync(string family, string kana, string block) =>
        AsTenant((RegistryMovements m) => m.ExecuteAsync(null, Staff, (s, c) => MoveInHandler.HandleAsync(s, new MoveInRequest
        {
            Header = new MovementHeader { EffectiveOn = Today.AddDays(-3), NotifiedOn = Today.AddDays(-1) },
            Kind = "通常",
            Address = new AddressInput { PostalCode = "100-0001", Town = "架空市本町", BlockNumber = block },
            PreviousAddress = new PreviousAddressInput { Text = "神奈川県川崎市川崎区宮本町1番地", CertificateIssuer = "川崎市" },
            Members =
            [
                Person(family, "太郎", kana, "タロウ", new DateOnly(1980, 5, 1), "男", "世帯主"),
                Person(family, "花子", kana, "ハナコ", new DateOnly(1982, 7, 7), "女", "妻"),
                Person(family, "一郎", kana, "イチロウ", new DateOnly(2010, 1, 15), "男", "子"),
            ],
        }, c), default));

    /// <summary>転居 of a whole household to another 番地 of the city.</summary>
    public Task<MovementResult> RelocateAsync(string householdNumber, string block) =>
        AsTenant((RegistryMovements m) => m.ExecuteAsync(null, Staff, (s, c) => RelocationHandler.HandleAsync(s, new RelocationRequest
        {
            Header = new MovementHeader { EffectiveOn = Today, NotifiedOn = Today },
            HouseholdNumber = householdNumber,
            Address = new AddressInput { PostalCode = "100-0002", Town = "架空市新町", BlockNumber = block },
        }, c), default));

    private static PersonInput Person(string family, string given, string kana, string givenKana, DateOnly birth, string gender, string relationship) => new()
    {
        FamilyName = family, GivenName = given, FamilyNameKana = kana, GivenNameKana = givenKana, BirthDate = birth, Gender = gender,
        Relationship = relationship, Domicile = "東京都千代田区千代田1番", DomicileHead = family + given,
    };

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
