using Jichitai.Platform.Demo;
using Jichitai.Platform.Identity;
using Jichitai.Platform.Persistence;
using Jichitai.Platform.Tenancy;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Jichitai.Web.Startup;

/// <summary>
/// Applies migrations (when configured) and seeds the demo municipality (when configured), retrying while the
/// database is down. The web server is already listening meanwhile, so /health/ready can say why it is not ready.
/// </summary>
public sealed partial class StartupMigrationService(
    IServiceProvider services, IOptions<JichitaiWebOptions> options, StartupState state, PlatformSettings settings,
    IHostApplicationLifetime lifetime, IServer server, ILogger<StartupMigrationService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromSeconds(1),
            MaxDelay = TimeSpan.FromSeconds(30),
            UseJitter = true,
            OnRetry = args =>
            {
                var message = $"データベースに接続できません。{args.RetryDelay.TotalSeconds:0}秒後に再試行します(失敗{args.AttemptNumber + 1}回) / database unavailable, retrying";
                state.Report(message);
                LogRetry(log, message, args.Outcome.Exception?.GetType().Name ?? "");
                return ValueTask.CompletedTask;
            },
        }).Build();

        try
        {
            await retry.ExecuteAsync(async ct => await PrepareDatabaseAsync(ct), stoppingToken);
        }
        catch (OperationCanceledException) { return; }
        state.MarkReady();

        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stoppingToken);
        Console.WriteLine(Banner());
    }

    private async Task PrepareDatabaseAsync(CancellationToken ct)
    {
        var migrator = services.GetRequiredService<DatabaseMigrator>();
        if (options.Value.MigrateOnStartup)
        {
            state.Report("マイグレーション適用中 / applying migrations");
            var applied = await migrator.MigrateAsync(ct);
            LogMigrated(log, applied.Count);
        }
        else if (!await migrator.CanConnectAsync(ct))
        {
            throw new InvalidOperationException("database unreachable");
        }
        if (options.Value.SeedDemo)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.System;
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>()
                .SeedAsync(scope.ServiceProvider.GetServices<IDemoDataSeeder>(), ct);
            state.DemoSeeded = true;
        }
    }

    private string Banner()
    {
        var urls = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = urls.FirstOrDefault() ?? "(unknown)";
        var lines = new List<string>
        {
            "",
            "==============================================================================",
            " JichitaiCloud が起動しました / is running",
            $" URL: {string.Join("  ", urls)}",
            $" データベース / database: {settings.Database.Display}",
        };
        if (state.DemoSeeded)
        {
            lines.Add($" デモ用アカウント ({DemoSeeder.TenantName} {DemoSeeder.TenantCode}) / demo accounts — パスワード / password: {DemoSeeder.Password}");
            foreach (var (user, name, role) in DemoSeeder.Accounts)
                lines.Add($"   {user,-16} {StaffRoles.Label(role)} ({name})");
            lines.Add(" サインイン / sign in: " + url.TrimEnd('/') + "/account/login");
            lines.Add(" 確認コード(TOTP)は認証アプリで登録するか、デモ用アカウントなら次のコマンドで表示できます:");
            lines.Add(" one-time code: register the shown key in an authenticator app, or for a demo account run:");
            lines.Add("   dotnet run --project src/Jichitai.Cli -- user totp --user demo-madoguchi");
        }
        lines.Add("==============================================================================");
        return string.Join(Environment.NewLine, lines);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message} ({ErrorType})")]
    private static partial void LogRetry(ILogger logger, string message, string errorType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} migrations")]
    private static partial void LogMigrated(ILogger logger, int count);
}

/// <summary>Anchors the audit chains at an interval (and once the database is ready).</summary>
public sealed partial class AuditCheckpointService(IServiceProvider services, IOptions<JichitaiWebOptions> options, StartupState state, ILogger<AuditCheckpointService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!state.Ready) await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.CheckpointIntervalMinutes)));
            do
            {
                try
                {
                    var n = await services.GetRequiredService<Jichitai.Platform.Audit.AuditCheckpointWriter>().AnchorAllAsync(stoppingToken);
                    if (n > 0) LogAnchored(log, n);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(log, ex.GetType().Name);
                }
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) { /* shutting down */ }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit checkpoints written for {Count} chains")]
    private static partial void LogAnchored(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit checkpoint failed ({ErrorType}); will retry at the next interval")]
    private static partial void LogFailed(ILogger logger, string errorType);
}
