using Jichitai.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jichitai.Registry.Features.AddressDictionary;

/// <summary>/api/v1/registry/addresses: the 住所辞書 (standard 1.3.3) and its 方書 (1.3.4). Counter staff look up; officers maintain.</summary>
internal static class AddressDictionaryEndpoints
{
    public static void Map(RouteGroupBuilder registry)
    {
        var read = registry.MapGroup("/addresses").RequireAuthorization(RegistryPolicies.Read);
        read.MapGet("/", async (string? q, DateOnly? on, bool? includeAbolished, int? limit, AddressDictionaryService dictionary, CancellationToken ct) =>
                await dictionary.ListAsync(new AddressListQuery(q, on, includeAbolished ?? false, limit ?? 200), ct))
            .WithSummary("住所辞書の検索(住所カナ入力「ト ヒ シ」・住所コード・郵便番号、指定日に有効な町字) / look up the address dictionary");
        read.MapGet("/{id:long}", async (long id, AddressDictionaryService dictionary, CancellationToken ct) => await dictionary.GetAsync(id, ct))
            .WithSummary("町字と方書 / one dictionary entry with its buildings");

        var write = registry.MapGroup("/addresses").RequireAuthorization(RegistryPolicies.AddressDictionary);
        write.MapPost("/", async (AddressEntryRequest body, AddressDictionaryService dictionary, HttpContext http, CancellationToken ct) =>
                Results.Created((string?)null, await dictionary.AddAsync(body, http.Actor(), ct)))
            .WithSummary("町字の追加 / add a town to the dictionary");
        write.MapPut("/{id:long}", async (long id, AddressEntryRequest body, AddressDictionaryService dictionary, HttpContext http, CancellationToken ct) =>
                await dictionary.UpdateAsync(id, body, http.Actor(), ct))
            .WithSummary("町字の修正(住所コードは変えられない) / correct a town");
        write.MapPost("/{id:long}/abolish", async (long id, AbolishRequest body, AddressDictionaryService dictionary, HttpContext http, CancellationToken ct) =>
                await dictionary.AbolishAsync(id, body, http.Actor(), ct))
            .WithSummary("町字の廃止(廃止日から住所に使えない) / abolish a town from a date");
        write.MapPost("/{id:long}/buildings", async (long id, BuildingEntryRequest body, AddressDictionaryService dictionary, HttpContext http, CancellationToken ct) =>
                Results.Created((string?)null, await dictionary.AddBuildingAsync(id, body, http.Actor(), ct)))
            .WithSummary("方書の登録 / register a building at an address");
        write.MapPut("/{id:long}/buildings/{buildingId:long}", async (long id, long buildingId, BuildingEntryRequest body, AddressDictionaryService dictionary, HttpContext http, CancellationToken ct) =>
                await dictionary.UpdateBuildingAsync(id, buildingId, body, http.Actor(), ct))
            .WithSummary("方書の修正 / correct a building");
        write.MapPost("/{id:long}/buildings/{buildingId:long}/abolish", async (long id, long buildingId, AbolishRequest body, AddressDictionaryService dictionary, HttpContext http, CancellationToken ct) =>
                await dictionary.AbolishBuildingAsync(id, buildingId, body, http.Actor(), ct))
            .WithSummary("方書の廃止 / a building no longer exists");
    }
}
