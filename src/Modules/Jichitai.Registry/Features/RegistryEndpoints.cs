using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.Approval;
using Jichitai.Registry.Features.Birth;
using Jichitai.Registry.Features.Cancellation;
using Jichitai.Registry.Features.Correction;
using Jichitai.Registry.Features.ForeignResidents;
using Jichitai.Registry.Features.HouseholdChange;
using Jichitai.Registry.Features.Memos;
using Jichitai.Registry.Features.MoveIn;
using Jichitai.Registry.Features.MoveOut;
using Jichitai.Registry.Features.MoveOutConfirmation;
using Jichitai.Registry.Features.Reports;
using Jichitai.Registry.Features.Restrictions;
using Jichitai.Registry.Features.Relocation;
using Jichitai.Registry.Features.Removal;
using Jichitai.Registry.Features.Search;
using Jichitai.Registry.Movements;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Jichitai.Registry.Features;

/// <summary>/api/v1/registry: every 異動 as a POST with an optional Idempotency-Key header, and the searches and views.</summary>
internal static class RegistryEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/registry").WithTags("Registry");
        Certificates.CertificateEndpoints.Map(g);
        var write = g.MapGroup("/movements").RequireAuthorization(RegistryPolicies.Write);
        Movement<MoveInRequest>(write, "/move-in", MoveInHandler.HandleAsync, "転入届 / move-in");
        Movement<BirthRequest>(write, "/birth", BirthHandler.HandleAsync, "出生 / birth");
        Movement<RelocationRequest>(write, "/relocation", RelocationHandler.HandleAsync, "転居届 / move within the municipality");
        Movement<MoveOutRequest>(write, "/move-out", MoveOutHandler.HandleAsync, "転出届 / move-out");
        Movement<RemovalRequest>(write, "/removal", RemovalHandler.HandleAsync, "職権消除(死亡・失踪) / removal on death or disappearance");
        Movement<HouseholdSplitRequest>(write, "/household-split", HouseholdChangeHandlers.SplitAsync, "世帯分離 / household split");
        Movement<HouseholdMergeRequest>(write, "/household-merge", HouseholdChangeHandlers.MergeAsync, "世帯合併 / household merge");
        Movement<HeadChangeRequest>(write, "/head-change", HouseholdChangeHandlers.HeadChangeAsync, "世帯主変更 / change of head");
        Movement<CorrectionRequest>(write, "/correction", CorrectionHandler.HandleAsync, "職権修正・軽微な修正・誤記修正・戸籍通知 / corrections");
        Movement<CancellationRequest>(write, "/cancellation", CancellationHandler.HandleAsync, "異動の取消し / cancel a movement");
        Movement<MoveInNoticeRequest>(write, "/move-in-notice", MoveInNoticeHandler.HandleAsync, "転入通知の受理(転出確定) / move-in notice from the new municipality");
        ForeignResidentEndpoints.Map(write);
        AddressEstablishment.AddressEstablishmentEndpoints.Map(write);
        ResidentCodeChange.ResidentCodeChangeEndpoints.Map(write);
        PersonalNumberChange.PersonalNumberChangeEndpoints.Map(g);
        AddressDictionary.AddressDictionaryEndpoints.Map(g);
        RecordEndpoints.Map(g);

        var approve = g.MapGroup("/pending").RequireAuthorization(RegistryPolicies.Approve);
        approve.MapPost("/{id:long}/approve", async (long id, ApprovalService approvals, HttpContext http, CancellationToken ct) =>
                await approvals.ApproveAsync(id, http.Actor(), ct))
            .WithSummary("本登録(入力者と別の職員) / approve a provisional movement");
        approve.MapPost("/{id:long}/reject", async (long id, ReleaseRequest body, ApprovalService approvals, HttpContext http, CancellationToken ct) =>
                await approvals.RejectAsync(id, body.Reason, http.Actor(), ct))
            .WithSummary("仮登録の差戻し / reject a provisional movement");

        var read = g.MapGroup("").RequireAuthorization(RegistryPolicies.Read);
        read.MapGet("/pending", async (bool? all, ApprovalService approvals, CancellationToken ct) => await approvals.ListAsync(!(all ?? false), ct))
            .WithSummary("仮登録の一覧 / provisional movements waiting for approval");
        read.MapGet("/restrictions", async (string? addresseeNumber, bool? activeOnly, RestrictionService service, HttpContext http, CancellationToken ct) =>
                await service.ListAsync(addresseeNumber, activeOnly ?? true, http.Actor(), ct))
            .WithSummary("抑止・支援措置の照会(宛名番号なしで支援対象者一覧) / restrictions of a person, or all support measures");
        var restrict = g.MapGroup("/restrictions").RequireAuthorization(RegistryPolicies.Restrictions);
        restrict.MapPost("/", async (CreateRestrictionRequest body, RestrictionService service, HttpContext http, CancellationToken ct) =>
                Results.Created((string?)null, await service.CreateAsync(body, http.Actor(), ct)))
            .WithSummary("抑止・支援措置の設定 / set a restriction or support measure");
        restrict.MapPost("/{id:long}/extend", async (long id, RestrictionService service, HttpContext http, CancellationToken ct) =>
                await service.ExtendAsync(id, http.Actor(), ct))
            .WithSummary("支援措置の延長(終了日の1か月前から1年) / extend a support measure");
        restrict.MapPost("/{id:long}/end", async (long id, EndRestrictionRequest body, RestrictionService service, HttpContext http, CancellationToken ct) =>
                await service.EndAsync(id, body, http.Actor(), ct))
            .WithSummary("抑止・支援措置の終了 / end a restriction");
        restrict.MapPost("/{id:long}/release", async (long id, ReleaseRequest body, RestrictionService service, HttpContext http, CancellationToken ct) =>
                await service.ReleaseTemporarilyAsync(id, body.Reason, http.Actor(), ct))
            .WithSummary("抑止の一時解除(設定した時間で自動的に戻る) / temporary release");
        read.MapGet("/residents", async ([AsParameters] ResidentSearchQuery q, ResidentQueries queries, HttpContext http, CancellationToken ct) =>
                await queries.SearchAsync(q.ToRequest(), http.Actor(), RegistryPolicies.MayUsePersonalNumber(http.User), ct))
            .WithSummary("住民検索(カナ前方一致・氏名・生年月日(西暦/和暦)・住所・宛名番号・世帯番号) / search residents");
        // 個人番号 goes in the body, never in a URL that proxies and access logs keep.
        read.MapPost("/residents/search", async (ResidentSearchRequest q, ResidentQueries queries, HttpContext http, CancellationToken ct) =>
                await queries.SearchAsync(q, http.Actor(), RegistryPolicies.MayUsePersonalNumber(http.User), ct))
            .WithSummary("住民検索(個人番号を含む条件は本文で) / search residents, personal number in the body");
        read.MapGet("/reports/late-notifications", async (DateOnly from, DateOnly to, RegistryReports reports, HttpContext http, CancellationToken ct) =>
                await reports.LateNotificationsAsync(from, to, http.Actor(), ct))
            .WithSummary("届出期間経過者一覧(届出日の範囲) / late notifications in a period");
        read.MapGet("/reports/unconfirmed-move-outs", async (RegistryReports reports, HttpContext http, CancellationToken ct) =>
                await reports.UnconfirmedMoveOutsAsync(http.Actor(), ct))
            .WithSummary("転入通知未着者一覧 / move-outs without a move-in notice after the tenant's period");
        read.MapGet("/residents/{addresseeNumber}/memos", async (string addresseeNumber, MemoService memos, CancellationToken ct) => await memos.ListAsync(addresseeNumber, ct))
            .WithSummary("メモ(履歴つき) / memos of a resident with their history");
        var memo = g.MapGroup("/residents/{addresseeNumber}/memos").RequireAuthorization(RegistryPolicies.Write);
        memo.MapPost("/", async (string addresseeNumber, MemoRequest body, MemoService memos, HttpContext http, CancellationToken ct) =>
                Results.Created((string?)null, await memos.AddAsync(addresseeNumber, body, http.Actor(), ct)))
            .WithSummary("メモの記入 / add a memo");
        memo.MapPut("/{memoId:long}", async (string addresseeNumber, long memoId, MemoRequest body, MemoService memos, HttpContext http, CancellationToken ct) =>
                await memos.EditAsync(addresseeNumber, memoId, body, http.Actor(), ct))
            .WithSummary("メモの修正(旧版は履歴に残る) / edit a memo");
        memo.MapDelete("/{memoId:long}", async (string addresseeNumber, long memoId, MemoService memos, HttpContext http, CancellationToken ct) =>
            { await memos.DeleteAsync(addresseeNumber, memoId, http.Actor(), ct); return Results.NoContent(); })
            .WithSummary("メモの削除(履歴に残る) / delete a memo");
        read.MapGet("/residents/{addresseeNumber}", async (string addresseeNumber, DateOnly? asOf, string? reason, ResidentQueries queries, HttpContext http, CancellationToken ct) =>
                await queries.GetAsync(addresseeNumber, asOf, http.Actor(), RegistryPolicies.MayUsePersonalNumber(http.User), reason, ct))
            .WithSummary("住民票の照会(asOf で指定日時点) / a resident's record, now or as of a date, with history and household");
    }

    internal static void Movement<T>(RouteGroupBuilder g, string path, Func<MovementSession, T, CancellationToken, Task<MovementDraft>> handler, string summary) where T : class
    {
        _ = MovementCatalog.For(typeof(T)); // every movement is listed in the catalog (fails at start-up otherwise)
        g.MapPost(path, async (T body, [FromHeader(Name = "Idempotency-Key")] string? key, RegistryMovements movements, HttpContext http, CancellationToken ct) =>
            {
                var result = await movements.SubmitAsync(body, key, http.Actor(), ct);
                if (result.PendingId is not null) return Results.Accepted($"/api/v1/registry/pending/{result.PendingId}", result); // 仮登録
                return result.Replayed ? Results.Ok(result) : Results.Created($"/api/v1/registry/residents/{result.AddresseeNumbers.FirstOrDefault()}", result);
            })
            .WithSummary(summary);
    }
}

internal sealed record ReleaseRequest(string? Reason);

internal sealed record ResidentSearchQuery(string? Kana, string? Name, string? BirthDate, string? Address, string? AddresseeNumber,
    string? HouseholdNumber, string? GivenNameKana, bool? Fuzzy, KanaMatch? KanaMatch, bool? IncludeRemoved, int? Limit)
{
    public ResidentSearchRequest ToRequest() => new()
    {
        Kana = Kana, Name = Name, BirthDate = BirthDate, Address = Address, AddresseeNumber = AddresseeNumber,
        HouseholdNumber = HouseholdNumber, GivenNameKana = GivenNameKana, Fuzzy = Fuzzy ?? false, KanaMatch = KanaMatch ?? Features.Search.KanaMatch.Prefix, IncludeRemoved = IncludeRemoved ?? false, Limit = Limit ?? 100,
    };
}
