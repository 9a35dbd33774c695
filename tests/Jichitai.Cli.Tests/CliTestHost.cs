using Jichitai.Platform;
using Jichitai.Platform.Identity;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Jichitai.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jichitai.Cli.Tests;

public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>A fresh database, the CLI run in-process against it, and the platform's services to check what it did.</summary>
public sealed class CliTestHost : IAsyncDisposable
{
    public const string StrongPassword = "Kuyakusho-2026!x";
    public TestDatabase Database { get; }
    public ServiceProvider Services { get; }

    private CliTestHost(TestDatabase database)
    {
        Database = database;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection();
        services.AddJichitaiPlatform(database.Settings);
        Services = services.BuildServiceProvider();
    }

    public static async Task<CliTestHost> CreateAsync(DatabaseProvider provider, bool migrate = true) =>
        new(await TestDatabase.CreateAsync(provider, migrate));

    /// <summary>What a user passes as --database: the SQLite file, or the PostgreSQL connection string.</summary>
    public string DatabaseArgument => Database.Settings.Database.SqliteFile ?? Database.Settings.Database.ConnectionString;

    public Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync("", args);

    public Task<CliResult> RunWithInputAsync(string stdin, params string[] args) =>
        Cli.RunAsync([.. args, "--database", DatabaseArgument, "--keys", Database.Settings.KeyDirectory], stdin);

    public async Task<T> QueryAsync<T>(Func<PlatformDbContext, Task<T>> query)
    {
        await using var db = PlatformDatabase.Create(Database.Settings.Database, TenantScope.System);
        return await query(db);
    }

    public async Task ExecuteSqlAsync(string sql)
    {
        await using var db = PlatformDatabase.Create(Database.Settings.Database, TenantScope.System);
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    public async Task<string?> AuthenticatorKeyAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.System;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"no user {userName}");
        return await users.GetAuthenticatorKeyAsync(user);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>Runs the CLI in-process with captured output, without a database.</summary>
public static class Cli
{
    public static async Task<CliResult> RunAsync(string[] args, string stdin = "")
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, new StringReader(stdin));
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}
