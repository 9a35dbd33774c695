using Microsoft.AspNetCore.Routing;

namespace Jichitai.Registry.Features.AddressEstablishment;

/// <summary>住所設定 under /api/v1/registry/movements (RegistryWrite), same shape as every 異動.</summary>
internal static class AddressEstablishmentEndpoints
{
    public static void Map(RouteGroupBuilder write) =>
        RegistryEndpoints.Movement<AddressEstablishmentRequest>(write, "/address-establishment", AddressEstablishmentHandler.HandleAsync,
            "住所設定(職権記載。転入前住所は不明または空欄) / official entry of people whose previous address is unknown or none");
}
