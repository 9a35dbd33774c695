using Jichitai.Platform;
using Jichitai.Platform.Audit;
using Jichitai.Web.Security;

namespace Jichitai.Web.Api;

public sealed record AuditEntryResponse(long Seq, DateTime AtJst, string Staff, string Action, string ActionLabel, string Outcome, string? TargetType, string? TargetId, string? Subject, string? Reason, string? ClientAddress, string? Detail)
{
    public static AuditEntryResponse From(AuditEntry e) => new(e.Seq, JapanTime.FromUtc(e.At), e.ActorName, e.Action, AuditActions.Label(e.Action),
        e.Outcome.ToString(), e.TargetType, e.TargetId, e.SubjectId, e.Reason, e.ClientAddress, e.Detail);
}

/// <summary>監査: read-only search of the own tenant's access log.</summary>
public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async (string? subject, string? staff, DateOnly? from, DateOnly? to, string? action, AuditOutcome? outcome, bool? offHours, int? limit,
                AuditSearch search, HttpContext http, CancellationToken ct) =>
            (await search.SearchAsync(new AuditQuery(subject, staff, from, to, action, outcome, offHours ?? false, limit ?? 200), http.Actor(), ct)).Select(AuditEntryResponse.From))
            .RequireAuthorization(Policies.AuditRead).WithTags("Audit").WithSummary("アクセスログの検索 / search the access log");
    }
}
