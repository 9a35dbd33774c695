using Jichitai.Platform.Settings;
using Jichitai.Web.Security;

namespace Jichitai.Web.Api;

public sealed record SettingResponse(string Key, string Label, string Value, string Default, bool IsDefault, DateOnly? EffectiveFrom, string? ScheduledValue, DateOnly? ScheduledFrom);

public sealed record ChangeSettingRequest(string? Value, DateOnly? EffectiveFrom, string? Reason);

public sealed record DifferenceResponse(string TenantCode, string TenantName, string Key, string Label, string Value, string Default, DateOnly EffectiveFrom);

public static class SettingEndpoints
{
    public static void MapSettingEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/settings").RequireAuthorization(Policies.TenantAdmin).WithTags("Settings");
        g.MapGet("/", async (DateOnly? on, TenantSettingsService settings, HttpContext http, CancellationToken ct) =>
            (await settings.GetAllAsync(http.User.TenantId()!.Value, on, ct)).Select(s => new SettingResponse(
                s.Definition.Key, s.Definition.Label, s.Value, s.Definition.Default, s.IsDefault, s.EffectiveFrom, s.Scheduled?.Value, s.Scheduled?.EffectiveFrom)))
            .WithSummary("設定の一覧(指定日時点) / settings in force on a date");
        g.MapPut("/{key}", async (string key, ChangeSettingRequest body, TenantSettingsService settings, HttpContext http, CancellationToken ct) =>
        {
            if (body.Value is null) throw ApiErrors.Required("value", "設定値");
            var row = await settings.ChangeAsync(http.User.TenantId()!.Value, new SettingChange(key, body.Value, body.EffectiveFrom ?? settings.Today, body.Reason), http.Actor(), ct);
            return Results.Ok(new { row.Key, row.Value, row.EffectiveFrom });
        }).WithSummary("設定の変更(適用開始日つき) / schedule a new value");
        g.MapGet("/differences", async (TenantSettingsService settings, HttpContext http, CancellationToken ct) =>
            (await settings.DifferencesAsync(http.User.TenantId()!.Value, ct)).Select(ToResponse))
            .WithSummary("標準の既定値との差異 / differences from the standard defaults");

        api.MapGet("/operator/settings/differences", async (TenantSettingsService settings, CancellationToken ct) =>
            (await settings.DifferencesAsync(null, ct)).Select(ToResponse))
            .RequireAuthorization(Policies.Operator).WithTags("Settings").WithSummary("全団体の標準との差異 / differences across tenants");
    }

    private static DifferenceResponse ToResponse(SettingDifference d) =>
        new(d.TenantCode, d.TenantName, d.Definition.Key, d.Definition.Label, d.Value, d.Definition.Default, d.EffectiveFrom);
}
