using System.Security.Claims;
using Jichitai.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jichitai.Linkage.Api;

/// <summary>/api/v1/linkage: the pull side of 連携, for consumer systems signed in with their API key.</summary>
public static class LinkageEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/linkage").WithTags("連携").RequireAuthorization(LinkagePolicies.Consumer);
        g.MapGet("/events", async (long? after, int? limit, HttpContext http, ConsumerFeeds feeds) =>
                Results.Json(await feeds.EventsAsync(http.User.TenantId()!.Value, ConsumerId(http.User), after, limit, http.Actor(), http.RequestAborted)))
            .WithSummary("住民異動イベントの取得(差分)").WithDescription("after の連番より後のイベントを連番順に返します。付与された項目だけを含みます。");
        g.MapGet("/snapshot", async (string? type, HttpContext http, ConsumerFeeds feeds) =>
            {
                http.Response.ContentType = "application/json; charset=utf-8";
                await feeds.WriteSnapshotAsync(http.User.TenantId()!.Value, ConsumerId(http.User), type, http.Response.Body, http.Actor(), http.RequestAborted);
            })
            .WithSummary("宛名連携 全件").WithDescription("現在の全住民(除票を含む)を、sequence の時点と一致する形で返します。続きは events?after=sequence で取得します。");
    }

    private static long ConsumerId(ClaimsPrincipal user) => long.Parse(user.FindFirstValue(ConsumerAuthenticationHandler.ConsumerIdClaim)!, System.Globalization.CultureInfo.InvariantCulture);
}
