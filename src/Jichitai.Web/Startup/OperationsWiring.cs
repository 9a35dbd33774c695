using OpenTelemetry.Metrics;
using Jichitai.Platform.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jichitai.Web.Startup;

public static class OperationsWiring
{
    public static void AddOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StartupState>();
        builder.Services.AddHostedService<StartupMigrationService>();
        builder.Services.AddHostedService<AuditCheckpointService>();
        builder.Services.AddHostedService<LinkageDispatcherService>();
        // Metrics for the operator (連携: events per second, latency, lag, dead letters). OTLP when an endpoint is configured
        // (OTEL_EXPORTER_OTLP_ENDPOINT); otherwise the meters are still there for dotnet-counters.
        var otel = builder.Services.AddOpenTelemetry().WithMetrics(m =>
        {
            m.AddMeter(Jichitai.Platform.Linkage.LinkageTelemetry.MeterName);
            if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) m.AddOtlpExporter();
        });
        builder.Services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
    }

    public static void MapOperations(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
    }
}

/// <summary>Ready when the database answers and, if the host migrates at start-up, the migrations are applied.</summary>
public sealed class DatabaseReadyCheck(DatabaseMigrator migrator, StartupState state) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!state.Ready) return HealthCheckResult.Unhealthy(state.Status);
        try
        {
            return await migrator.CanConnectAsync(ct)
                ? HealthCheckResult.Healthy("データベースに接続できます / database reachable")
                : HealthCheckResult.Unhealthy("データベースに接続できません / database unreachable");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("データベースに接続できません / database unreachable", ex);
        }
    }
}
