using Jichitai.Platform.Demo;
using Jichitai.Platform.Identity;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jichitai.Testing;

/// <summary>
/// The real web host over a fresh test database with the demo municipality seeded. <see cref="StartKestrelAsync"/>
/// serves it on a real loopback port for the browser; <see cref="CreateClient"/> works in memory.
/// </summary>
public sealed class WebAppFixture : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; }
    public Uri? KestrelAddress { get; private set; }

    private WebAppFixture(TestDatabase database) { Database = database; }

    /// <param name="kestrel">Serve on a real loopback port (for the browser); must be decided before the host starts.</param>
    /// <param name="residents">Also seed the demo residents (a few hundred, through the real movement features).</param>
    public static async Task<WebAppFixture> CreateAsync(DatabaseProvider provider, bool kestrel = false, bool residents = false)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var app = new WebAppFixture(db);
        if (kestrel) app.StartKestrel();
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.System;
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(residents ? scope.ServiceProvider.GetServices<IDemoDataSeeder>() : []);
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("database", Database.Settings.Database.ConnectionString);
        builder.UseSetting("keys", Database.Settings.KeyDirectory);
        builder.UseSetting("Jichitai:MigrateOnStartup", "false");
        builder.UseSetting("Jichitai:SeedDemo", "false");
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
    }

    /// <summary>Starts real Kestrel on a free loopback port (for Playwright); only before anything touched <c>Services</c>.</summary>
    private Uri StartKestrel()
    {
        if (KestrelAddress is not null) return KestrelAddress;
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
        KestrelAddress = new Uri(addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
        return KestrelAddress;
    }

    /// <summary>The current TOTP code of any account (tests only: reads the stored key).</summary>
    public async Task<string> TotpCodeAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"no user {userName}");
        var key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("no key");
        return new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
