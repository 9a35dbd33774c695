using System.Net;
using System.Net.Sockets;
using Jichitai.Platform.Persistence;
using Jichitai.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Jichitai.Web.Tests.Operations;

public class HealthTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Ready_WhenDatabaseAnswers(DatabaseProvider provider)
    {
        await using var app = await WebAppFixture.CreateAsync(provider);
        var client = StaffClient.Anonymous(app);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        for (var i = 0; i < 50 && ready.StatusCode != HttpStatusCode.OK; i++)
        {
            await Task.Delay(100);
            ready = await client.GetAsync("/health/ready");
        }
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    /// <summary>A host whose database is a PostgreSQL port where nothing listens.</summary>
    private sealed class DatabaseDownApp(string connectionString, string keys) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("database", connectionString);
            builder.UseSetting("keys", keys);
            builder.UseSetting("Jichitai:MigrateOnStartup", "true");
            builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Error));
        }
    }

    [Fact]
    public async Task DatabaseDownAtStartup_ServiceStarts_LiveOk_ReadySaysWhy()
    {
        int port;
        using (var l = new TcpListener(IPAddress.Loopback, 0)) { l.Start(); port = ((IPEndPoint)l.LocalEndpoint).Port; }
        var keys = Directory.CreateTempSubdirectory("jichitai-keys-").FullName;
        await using var app = new DatabaseDownApp($"Host=127.0.0.1;Port={port};Database=x;Username=x;Timeout=1", keys);
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        await Task.Delay(2500); // let at least one retry happen
        ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("Unhealthy", await ready.Content.ReadAsStringAsync());
        Directory.Delete(keys, true);
    }
}
