using Jichitai.Platform.Identity;
using Jichitai.Registry.Features.CharacterCodes;
using Jichitai.Registry.Features.InputPlaces;
using Jichitai.Registry.Features.RecordColumn;
using Jichitai.Registry.Features.RecordSheets;
using Jichitai.Registry.Features.Renewal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jichitai.Registry.Features;

/// <summary>Record-level functions: 個人票・世帯票, 統合記載欄, 事実上の世帯主, 改製, 特別な事由, 文字コード照会, 入力場所・入力端末.</summary>
internal static class RecordEndpoints
{
    public static void Map(RouteGroupBuilder g)
    {
        var read = g.MapGroup("").RequireAuthorization(RegistryPolicies.Read);
        var write = g.MapGroup("").RequireAuthorization(RegistryPolicies.Write);
        var officer = g.MapGroup("").RequireAuthorization(RegistryPolicies.Officer);

        read.MapGet("/residents/{addresseeNumber}/sheet", async (string addresseeNumber, bool? original, bool? includeSpecial, string? reason,
                RecordSheetQueries sheets, HttpContext http, CancellationToken ct) =>
                await sheets.PersonalAsync(addresseeNumber, new SheetOptions { Original = original ?? false, IncludeSpecial = includeSpecial ?? false, Reason = reason },
                    http.Actor(), RegistryPolicies.MayUsePersonalNumber(http.User), ct))
            .WithSummary("個人票(統合記載欄つき、original=true で改製原住民票) / a person's record sheet");
        read.MapGet("/households/{householdNumber}/sheet", async (string householdNumber, string? reason, RecordSheetQueries sheets, HttpContext http, CancellationToken ct) =>
                await sheets.HouseholdAsync(householdNumber, reason, http.Actor(), ct))
            .WithSummary("世帯票(世帯連記式) / the household sheet");

        write.MapPost("/residents/{addresseeNumber}/record-entries", async (string addresseeNumber, RecordEntryRequest body, RecordColumnService column, HttpContext http, CancellationToken ct) =>
                Results.Created((string?)null, await column.AddAsync(addresseeNumber, body, http.Actor(), ct)))
            .WithSummary("統合記載欄の記入(留意事項・備考) / add a caution or remark to the record column");
        write.MapDelete("/residents/{addresseeNumber}/record-entries/{entryId:long}", async (string addresseeNumber, long entryId, RecordColumnService column, HttpContext http, CancellationToken ct) =>
            { await column.DeleteAsync(addresseeNumber, entryId, http.Actor(), ct); return Results.NoContent(); })
            .WithSummary("統合記載欄の削除(履歴に残る) / withdraw an entry");

        read.MapGet("/households/{householdNumber}/de-facto-heads", async (string householdNumber, DeFactoHeadService service, CancellationToken ct) =>
                await service.ListAsync(householdNumber, ct))
            .WithSummary("事実上の世帯主(履歴つき) / de-facto heads of a household");
        write.MapPost("/households/{householdNumber}/de-facto-heads", async (string householdNumber, DeFactoHeadRequest body, DeFactoHeadService service, HttpContext http, CancellationToken ct) =>
                Results.Created((string?)null, await service.SetAsync(householdNumber, body, http.Actor(), ct)))
            .WithSummary("事実上の世帯主の記録・変更 / record or change the de-facto head");
        write.MapPost("/households/{householdNumber}/de-facto-heads/end", async (string householdNumber, EndDeFactoHeadRequest body, DeFactoHeadService service, HttpContext http, CancellationToken ct) =>
                await service.EndAsync(householdNumber, body, http.Actor(), ct))
            .WithSummary("事実上の世帯主の終了 / end the de-facto head");

        RegistryEndpoints.Movement<RenewalRequest>(officer.MapGroup("/movements"), "/renewal", RenewalHandler.HandleAsync, "改製(住記担当) / re-make a resident record");
        officer.MapPost("/movements/{movementId:long}/special-reason", async (long movementId, SpecialReasonRequest body, SpecialReasonService service, HttpContext http, CancellationToken ct) =>
                Results.Ok(new { movementId, specialReason = await service.MarkAsync(movementId, body, http.Actor(), ct) }))
            .WithSummary("特別な事由の指定・解除(証明書の履歴から既定で除く) / mark a movement as a special reason");

        read.MapGet("/characters", (string? text) => CharacterLookup.Describe(text))
            .WithSummary("文字コード照会(入力した文字) / code points and JIS sets of typed characters");
        read.MapGet("/residents/{addresseeNumber}/characters", async (string addresseeNumber, string? reason, CharacterLookup lookup, HttpContext http, CancellationToken ct) =>
                await lookup.OfResidentAsync(addresseeNumber, reason, http.Actor(), ct))
            .WithSummary("文字コード照会(住民の氏名・本籍・住所) / character codes of a resident's names");

        read.MapGet("/input-places", async (InputPlaceService places, CancellationToken ct) => await places.ListAsync(ct))
            .WithSummary("入力場所・入力端末の一覧 / input places and terminals");
        officer.MapPost("/input-places/locations", async (InputLocationRequest body, InputPlaceService places, HttpContext http, CancellationToken ct) =>
                Results.Created((string?)null, await places.CreateLocationAsync(body, http.Actor(), ct)))
            .WithSummary("入力場所の登録 / register an input place");
        officer.MapPost("/input-places/terminals", async (InputTerminalRequest body, InputPlaceService places, HttpContext http, CancellationToken ct) =>
                Results.Created((string?)null, await places.CreateTerminalAsync(body, http.Actor(), ct)))
            .WithSummary("入力端末の登録 / register a terminal");
        officer.MapPost("/input-places/terminals/{id:long}/deactivate", async (long id, InputPlaceService places, HttpContext http, CancellationToken ct) =>
            { await places.DeactivateTerminalAsync(id, http.Actor(), ct); return Results.NoContent(); })
            .WithSummary("入力端末の使用停止 / take a terminal out of use");
    }
}
