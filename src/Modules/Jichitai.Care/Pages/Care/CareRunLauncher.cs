using Jichitai.Care.Assessment;
using Jichitai.Care.Persistence;
using Jichitai.Platform.Audit;
using Jichitai.Platform.Errors;
using Jichitai.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jichitai.Care.Pages.Care;

/// <summary>
/// Starts a 本算定 from the page and lets it run on the server after the response: the run gets its own DI scope and
/// stops with the application (it is resumable: starting it again continues from its last committed chunk).
/// </summary>
public sealed class CareRunLauncher(IServiceScopeFactory scopes, ILogger<CareRunLauncher> log, IHostApplicationLifetime? lifetime = null)
{
    /// <summary>Starts (or resumes) the run of the year and returns its id once the run is recorded; a refusal is thrown as it is.</summary>
    public async Task<long> StartAsync(int tenantId, int fiscalYear, AuditActor actor, CancellationToken ct)
    {
        var before = await Latest(tenantId, fiscalYear, ct);
        var stopping = lifetime?.ApplicationStopping ?? CancellationToken.None;
        var work = Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.ForTenant(tenantId);
            try
            {
                await scope.ServiceProvider.GetRequiredService<AssessmentRuns>().RunAsync(tenantId, fiscalYear, actor, null, stopping);
            }
            catch (Exception e) when (e is not DomainException and not OperationCanceledException)
            {
                log.LogError(e, "本算定 {Year} of tenant {Tenant} failed", fiscalYear, tenantId);
                throw;
            }
        }, CancellationToken.None);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (work.IsFaulted && work.Exception!.InnerException is DomainException refused) throw refused;
            var latest = await Latest(tenantId, fiscalYear, ct);
            if (latest is { } run && (before is null || run.Id != before.Id || run.State == RunState.Running || run.FinishedAt != before.FinishedAt)) return run.Id;
            if (work.IsCompleted && latest is not null) return latest.Id;
            if (work.IsFaulted || DateTime.UtcNow > deadline)
                throw new DomainException("care.run.start", "本算定を開始できませんでした。しばらくしてから実行履歴を確認してください。", "fiscalYear", 500);
            await Task.Delay(100, ct);
        }
    }

    private async Task<AssessmentRunRow?> Latest(int tenantId, int fiscalYear, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantScopeAccessor>().Scope = TenantScope.ForTenant(tenantId);
        var runs = await scope.ServiceProvider.GetRequiredService<AssessmentRuns>().HistoryAsync(tenantId, fiscalYear, ct);
        return runs.FirstOrDefault();
    }
}
